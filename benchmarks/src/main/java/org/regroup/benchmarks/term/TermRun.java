package org.regroup.benchmarks.term;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.function.Consumer;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Goal;
import org.regroup.domain.Student;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.graph.SkillGraph;
import org.regroup.domain.learning.GoalRenewal;
import org.regroup.domain.learning.LearningBlocks;
import org.regroup.domain.learning.LearningModel;
import org.regroup.domain.learning.SimulatedCalendar;
import org.regroup.domain.learning.LearningParameters;
import org.regroup.domain.mastery.Bkt;
import org.regroup.domain.mastery.BktParameters;
import org.regroup.domain.plan.Perturbations;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.build.DayPlanBuilder;

/**
 * One policy planning one school through a term, for one seed. Each school day: the day is built from the standing
 * data with the school's current mastery estimates, the students' goals and the day's absences; the policy plans it;
 * students learn by the {@link LearningModel} (the truth the school never sees) and answer a few items per block; the
 * school's estimates move by Bayesian knowledge tracing on those answers, exactly as evidence moves them on the
 * server; a student who reached a goal sets the next ({@link GoalRenewal}).
 *
 * <p>Absences depend only on the seed, the day and the student, so every policy meets the same absent students.
 */
final class TermRun {

    /** Monday 7 September 2026: the first school day of a term when the bundled day has no date. */
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 7);

    private final DayProblem standing;
    private final Policy policy;
    private final String policyName;
    private final long seed;
    private final int days;
    private final LearningParameters learning;
    private final double absence;

    TermRun(DayProblem standing, String policyName, Policy policy, long seed, int days, LearningParameters learning,
            double absence) {
        this.standing = standing;
        this.policyName = policyName;
        this.policy = policy;
        this.seed = seed;
        this.days = days;
        this.learning = learning;
        this.absence = absence;
    }

    TermSeries run(Consumer<String> progress) {
        SkillGraph graph = SkillGraph.of(standing.skills(), standing.prerequisites());
        ModalityCatalog modalities = ModalityCatalog.of(standing.modalities());
        double threshold = standing.masteryThreshold();
        BktParameters bkt = BktParameters.DEFAULTS;
        List<Student> students = standing.students().stream().sorted(Comparator.comparing(Student::id)).toList();

        // The school's estimates and the students' goals, as the school holds them; the truth starts from them.
        Map<String, Map<String, Double>> estimates = new HashMap<>();
        Map<String, List<Goal>> goals = new HashMap<>();
        for (Student s : students) {
            estimates.put(s.id(), new HashMap<>(s.mastery()));
            goals.put(s.id(), s.goals());
        }
        LearningModel model = LearningModel.fromEstimates(learning, graph, students.stream().map(Student::id)
                .toList(), estimates, threshold, seed);
        Map<String, Set<String>> truth = new HashMap<>();
        students.forEach(s -> truth.put(s.id(), model.mastered(s.id())));
        Quartiles start = Quartiles.of(students, truth);
        Set<String> withNeeds = new HashSet<>();
        students.stream().filter(s -> s.accommodations() != null).forEach(s -> withNeeds.add(s.id()));

        List<TermSeries.Day> series = new ArrayList<>();
        Map<String, Integer> goalsReached = new HashMap<>();
        Map<String, Integer> ledThisWeek = new HashMap<>();
        Set<String> presentThisWeek = new HashSet<>();
        Set<String> everWeekWithoutAdult = new HashSet<>();
        int studentWeeks = 0;
        int studentWeeksWithoutAdult = 0;
        long ledMinutesWithNeeds = 0;
        int presentDaysWithNeeds = 0;
        List<Plan> lastTwo = new ArrayList<>();
        Set<String> readyChanged = new HashSet<>();
        double planSeconds = 0;
        LocalDate date = standing.date() != null ? standing.date() : FIRST_DAY;
        for (int d = 1; d <= days; d++) {
            date = SimulatedCalendar.schoolDay(date, d == 1);
            Set<String> absent = absentOn(d, students);
            DayProblem today = DayPlanBuilder.validated(day(students, estimates, goals, absent, date),
                    "term day " + d);
            long started = System.nanoTime();
            Plan plan = policy.plan(today, List.copyOf(lastTwo), Set.copyOf(readyChanged), seed);
            double seconds = (System.nanoTime() - started) / 1e9;
            planSeconds += seconds;
            Perturbations perturbations = lastTwo.isEmpty() ? new Perturbations(0, 0, 0)
                    : Perturbations.between(lastTwo.get(0), plan, readyChanged, Set.of());

            // learning, then the evidence it leaves
            List<LearningModel.Block> blocks = LearningBlocks.of(plan, modalities);
            Map<String, Set<String>> readyBefore = new HashMap<>();
            int ready = 0;
            double effective = 0;
            Map<String, Set<String>> workedOn = new HashMap<>();
            Map<String, Double> byModality = new java.util.TreeMap<>();
            for (LearningModel.Outcome o : model.day(blocks)) {
                LearningModel.Block b = o.block();
                ready += o.ready() ? 1 : 0;
                effective += o.ready() ? b.minutes() * model.effect(b) : 0;
                workedOn.computeIfAbsent(b.studentId(), k -> new HashSet<>()).add(b.skillId());
                byModality.merge(b.modality(), (double) b.minutes(), Double::sum);
                Map<String, Double> estimate = estimates.get(b.studentId());
                readyBefore.computeIfAbsent(b.studentId(), id -> graph.readySet(k -> estimate.getOrDefault(k,
                        0.0), threshold));
                double p = estimate.getOrDefault(b.skillId(), bkt.pInit());
                for (boolean correct : o.answers()) {
                    p = Bkt.update(p, correct, bkt);
                }
                estimate.put(b.skillId(), p);
                if (b.adultLed()) {
                    ledThisWeek.merge(b.studentId(), 1, Integer::sum);
                    if (withNeeds.contains(b.studentId())) {
                        ledMinutesWithNeeds += b.minutes();
                    }
                }
            }
            readyChanged.clear();
            readyBefore.forEach((id, before) -> {
                Map<String, Double> estimate = estimates.get(id);
                if (!before.equals(graph.readySet(k -> estimate.getOrDefault(k, 0.0), threshold))) {
                    readyChanged.add(id);
                }
            });
            for (Student s : students) {
                if (!absent.contains(s.id())) {
                    presentThisWeek.add(s.id());
                    if (withNeeds.contains(s.id())) {
                        presentDaysWithNeeds++;
                    }
                }
            }
            // goal-setting conferences for the students who reached a goal
            int reachedToday = 0;
            for (Student s : students) {
                List<Goal> own = goals.get(s.id());
                Student now = s.withGoals(own);
                Map<String, Double> estimate = estimates.get(s.id());
                int open = GoalRenewal.open(now, estimate, threshold).size();
                if (open < own.size()) {
                    reachedToday += own.size() - open;
                    goalsReached.merge(s.id(), own.size() - open, Integer::sum);
                    goals.put(s.id(), GoalRenewal.renewed(now, graph, estimate, threshold));
                }
            }
            if (d % 5 == 0 || d == days) { // a school week ends
                for (String id : presentThisWeek) {
                    studentWeeks++;
                    if (ledThisWeek.getOrDefault(id, 0) == 0) {
                        studentWeeksWithoutAdult++;
                        everWeekWithoutAdult.add(id);
                    }
                }
                presentThisWeek.clear();
                ledThisWeek.clear();
            }
            Quartiles.Gains gains = start.gains(model);
            var kpis = plan.kpis();
            series.add(new TermSeries.Day(d, date, plan.score(), Boolean.TRUE.equals(plan.workable()),
                    kpis.placedShare(), kpis.goalSkillShare(), absent.size(), perturbations.forced(),
                    perturbations.additional(), gains.mean(), gains.bottomMean(), gains.topMean(), gains.gap(),
                    reachedToday, blocks.isEmpty() ? 0 : ready / (double) blocks.size(),
                    effective / Math.max(1, students.size() - absent.size()),
                    workedOn.values().stream().mapToInt(Set::size).average().orElse(0), perPresent(byModality,
                    students.size() - absent.size()), seconds));
            lastTwo.add(0, plan);
            if (lastTwo.size() > 2) {
                lastTwo.remove(2);
            }
            if (d % 10 == 0 || d == days) {
                progress.accept(String.format(java.util.Locale.ROOT, "%s seed %d: day %d of %d, %s, %.2f "
                        + "standards mastered per student so far", policyName, seed, d, days, plan.score(),
                        gains.mean()));
            }
        }
        Quartiles.Gains end = start.gains(model);
        List<Integer> perStudent = students.stream().map(s -> model.mastered(s.id()).size()
                - truth.get(s.id()).size()).toList();
        return new TermSeries(policyName, seed, series, perStudent, end.gapAtStart(), end.gap(),
                goalsReached.values().stream().mapToInt(Integer::intValue).sum() / (double) students.size(),
                presentDaysWithNeeds == 0 ? 0 : ledMinutesWithNeeds / (double) presentDaysWithNeeds,
                withNeeds.size(), studentWeeks == 0 ? 0 : studentWeeksWithoutAdult / (double) studentWeeks,
                everWeekWithoutAdult.size(), planSeconds);
    }

    private static Map<String, Double> perPresent(Map<String, Double> minutes, int present) {
        Map<String, Double> out = new java.util.TreeMap<>();
        minutes.forEach((k, v) -> out.put(k, Math.round(10 * v / Math.max(1, present)) / 10.0));
        return out;
    }

    /** The day as the school would plan it: today's estimates, goals and absences; a full day for everyone else. */
    private DayProblem day(List<Student> students, Map<String, Map<String, Double>> estimates,
            Map<String, List<Goal>> goals, Set<String> absent, LocalDate date) {
        List<Student> today = students.stream().map(s -> new Student(s.id(), s.name(), s.grade(), s.advisorId(),
                estimates.get(s.id()), goals.get(s.id()), s.interests(), s.prefersModalities(), s.avoidsModalities(),
                s.accommodations(), s.keepApart(), s.peers(), absent.contains(s.id()), null, s.commitments()))
                .toList();
        DayProblem d = standing.with(standing.id() + "-" + date, date, standing.staff(), standing.spaces(), today,
                standing.weights());
        // the bundled day's requests were made for that day, not for every day of a term
        return new DayProblem(d.format(), d.version(), d.id(), d.date(), d.school(), d.blocks(), d.skills(),
                d.prerequisites(), d.modalities(), d.activities(), d.staff(), d.spaces(), d.students(), List.of(),
                d.weights());
    }

    /** Who is away on school day {@code d}: each student with the same chance, drawn from the seed, day and id. */
    private Set<String> absentOn(int d, List<Student> students) {
        Set<String> away = new HashSet<>();
        for (Student s : students) {
            // SplittableRandom mixes its seed: java.util.Random's first draw from nearby seeds is nearly the same
            if (new SplittableRandom(seed * 1_000_003L + d * 7_919L + s.id().hashCode()).nextDouble() < absence) {
                away.add(s.id());
            }
        }
        return away;
    }
}
