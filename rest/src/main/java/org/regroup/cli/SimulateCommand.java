package org.regroup.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.regroup.domain.DayProblem;
import org.regroup.store.StudentPaths;
import org.regroup.domain.Student;
import org.regroup.domain.Goal;
import org.regroup.domain.graph.SkillGraph;
import org.regroup.domain.learning.GoalRenewal;
import org.regroup.domain.learning.LearningBlocks;
import org.regroup.domain.learning.LearningParameters;
import org.regroup.domain.learning.LearningModel;
import org.regroup.domain.learning.SimulatedCalendar;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.Json;
import org.regroup.domain.mastery.BktParameters;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Perturbations;
import org.regroup.domain.plan.Plan;
import org.regroup.rest.api.Durations;
import org.regroup.rest.days.CheckpointWriter;
import org.regroup.rest.days.EvidenceService;
import org.regroup.rest.days.SchoolDays;
import org.regroup.rest.plans.PlanService;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.store.Database;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code regroup simulate}: the daily loop end to end on the embedded store. Each school day: plan from the store,
 * publish, let the students learn by the learning model ({@link LearningModel}, docs/learning-model.md: progress
 * toward ready standards by modality, group size and pace, with forgetting), ingest what they answered as evidence,
 * renew the goals they reached (as a student does with their advisor), and print what changed.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = { "Run the daily loop for some days on the embedded store: plan, publish, learn, ingest "
                + "evidence; print mastery gained, perturbations and KPIs per day." })
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "FILE", description = "The school: a day problem, planned in a new "
            + "store (temporary unless --data-dir).")
    Path dataset;

    @Option(names = "--school", paramLabel = "ID", description = "Or a school already in the store (--data-dir, "
            + "default: data), e.g. one made by regroup import oneroster; its evidence and plans are added to.")
    String school;

    @Option(names = "--days", defaultValue = "5", paramLabel = "N", description = "School days (default: 5).")
    int days;

    @Option(names = "--time-limit", defaultValue = "10s", converter = DurationConverter.class,
            paramLabel = "DURATION", description = "Solving time per day (default: ${DEFAULT-VALUE}).")
    Duration timeLimit;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the learning model.")
    long seed;

    @Option(names = "--cold", description = "Plan every day from scratch instead of starting from the day before "
            + "(to compare perturbations).")
    boolean cold;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the store here (default: a temporary directory, deleted at the end).")
    Path dataDir;

    @Option(names = "--term", paramLabel = "DAYS", description = "A term of DAYS school days planned by Regroup, "
            + "greedy regrouping and static tracking side by side, with a report (the term simulator: run it through "
            + "the ./regroup launcher, which starts it from the benchmarks module where the peers are; "
            + "./regroup simulate --term 60 --help lists its options).")
    Integer term;

    @Option(names = "--learning", paramLabel = "NAME=VALUE", description = "Change one assumption of the learning "
            + "model (repeatable), e.g. forgetting=0.05 or effect.online-practice=0.5; names in "
            + "docs/learning-model.md.")
    List<String> learning = new ArrayList<>();

    /** The learning model's parameters: the defaults with each --learning change. */
    LearningParameters learningParameters() {
        try {
            return LearningParameters.DEFAULTS.with(learning);
        } catch (IllegalArgumentException e) {
            throw new ErrorReporter.UserError("--learning " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (days < 1) {
            throw new ErrorReporter.UserError("--days must be at least 1, was " + days);
        }
        if (term != null) {
            throw new ErrorReporter.UserError("--term: the term simulator runs through the launcher: ./regroup "
                    + "simulate --term " + term + " … (this jar has the daily loop, not the peers it compares with)");
        }
        LearningParameters parameters = learningParameters();
        if ((dataset == null) == (school == null)) {
            throw new ErrorReporter.UserError("name the school: --dataset FILE (a day problem) or --school ID (a "
                    + "school in the store), one of the two");
        }
        DayProblem standing = dataset == null ? null
                : DayPlanBuilder.validated(DayProblemReader.readOnly(dataset), dataset.toString());
        boolean temporary = dataDir == null && school == null;
        Path dir = temporary ? Files.createTempDirectory("regroup-simulate") : dataDir != null ? dataDir
                : Path.of("data");
        if (school != null && !Files.isDirectory(dir)) {
            throw new ErrorReporter.UserError("--data-dir: no store at " + dir + " (import a school first: regroup "
                    + "import oneroster … --school " + school + ")");
        }
        try (Database database = Database.open(Database.h2Url(dir), null, null, null)) {
            SchoolStore store = new SchoolStore(database);
            String schoolId = school != null ? school : "sim-" + seed;
            if (school != null) {
                standing = store.schools().school(school).orElseThrow(() -> new ErrorReporter.UserError("--school: "
                        + "no school '" + school + "' in the store at " + dir + " (import one: regroup import "
                        + "oneroster)")).standing();
            } else if (store.schools().school(schoolId).isEmpty()) {
                store.schools().createSchool(schoolId, standing.school() == null ? null : standing.school().name(),
                        standing);
            }
            run(store, schoolId, standing, parameters, out, err);
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
        return 0;
    }

    private void run(SchoolStore store, String schoolId, DayProblem standing, LearningParameters parameters,
            PrintWriter out, PrintWriter err) {
        // The daily loop the server runs (SchoolDays on a PlanService): the same day building, warm start, solve,
        // storing and publishing; only the learning and the printing are the simulation's own.
        PlanService.Settings settings = new PlanService.Settings(1, 2, 4, Duration.ofHours(1), timeLimit,
                timeLimit, Runtime.getRuntime().maxMemory());
        try (PlanService plans = new PlanService(settings);
                CheckpointWriter checkpoints = new CheckpointWriter(store, Duration.ofSeconds(5))) {
            run(store, new SchoolDays(store, plans, checkpoints), schoolId, standing, parameters, out, err);
        }
    }

    private void run(SchoolStore store, SchoolDays schoolDays, String schoolId, DayProblem standing,
            LearningParameters parameters, PrintWriter out, PrintWriter err) {
        BktParameters bkt = BktParameters.DEFAULTS;
        EvidenceService evidence = new EvidenceService(store.evidence(), bkt);
        double threshold = standing.masteryThreshold();
        SkillGraph graph = SkillGraph.of(standing.skills(), standing.prerequisites());
        List<String> ids = standing.students().stream().map(Student::id).toList();
        LearningModel model = LearningModel.fromEstimates(parameters, graph, ids,
                store.evidence().allMastery(schoolId), threshold, seed);
        ModalityCatalog modalities = ModalityCatalog.of(standing.modalities());
        int trulyAtStart = ids.stream().mapToInt(id -> model.mastered(id).size()).sum();

        out.printf("Simulating %d school days of %s (%d students) on the embedded store; %s per day, seed %d; %s%n%n",
                days, dataset != null ? dataset.getFileName() : "school " + schoolId, standing.students().size(),
                Durations.format(timeLimit), seed,
                cold ? "each day planned from scratch" : "each day re-planned from the day before");
        out.printf("%-4s %-10s %-24s %7s %7s %9s %13s %8s %9s %9s %9s %7s%n", "day", "date", "score", "placed",
                "goal", "staff-led", "perturbations", "results", "mastered", "mean Δ", "truly", "goals");
        out.printf("%-4s %-10s %-24s %7s %7s %9s %13s %8s %9s %9s %9s %7s%n", "", "", "", "", "", "",
                "forced/added", "", "(+skills)", "mastery", "mastered", "renewed");
        LocalDate date = standing.date() != null ? standing.date() : LocalDate.of(2026, 11, 23);
        Plan previous = null;
        Set<String> readyChanged = new HashSet<>(); // students whose ready set changed last evening
        int totalMastered = 0;
        int trulyMastered = 0;
        int skillBlocks = 0;
        int readyBlocks = 0;
        Map<String, Set<String>> touched = new HashMap<>(); // the standards each student worked on over the run
        for (int d = 1; d <= days; d++) {
            date = SimulatedCalendar.schoolDay(date, d == 1);
            Schools.SchoolRecord school = store.schools().school(schoolId).orElseThrow();
            int day = d;
            SchoolDays.Planned planned = schoolDays.planAndWait(school, date, timeLimit, cold, () -> timeLimit,
                    started -> { });
            int chosen = planned.version();
            Plan plan = planned.plan();
            if (planned.warm() != null) {
                out.printf("     day %d: starting from the day before left %s; planned from scratch: %s%n", day,
                        planned.warm().score(), planned.scratch().score());
            }
            store.versions().publish(schoolId, date, chosen);
            Perturbations perturbations = previous == null ? new Perturbations(0, 0, 0)
                    : Perturbations.between(previous, plan, readyChanged, Set.of());

            Map<String, Map<String, Double>> before = store.evidence().allMastery(schoolId);
            Learned learned = learn(plan, modalities, model, date, touched);
            List<EvidenceService.Result> results = learned.results();
            skillBlocks += learned.blocks();
            readyBlocks += learned.readyBlocks();
            // In batches, as a client of the server sends them.
            List<EvidenceService.Ingested> ingested = new ArrayList<>();
            for (int from = 0; from < results.size(); from += EvidenceService.MAX_RESULTS) {
                ingested.add(evidence.ingest(school, new EvidenceService.Batch(results.subList(from,
                        Math.min(results.size(), from + EvidenceService.MAX_RESULTS)))));
            }
            Map<String, Map<String, Double>> after = store.evidence().allMastery(schoolId);
            int newlyMastered = 0;
            double gain = 0;
            int changed = 0;
            for (Map.Entry<String, Map<String, Double>> s : after.entrySet()) {
                Map<String, Double> was = before.getOrDefault(s.getKey(), Map.of());
                for (Map.Entry<String, Double> k : s.getValue().entrySet()) {
                    double old = was.getOrDefault(k.getKey(), bkt.pInit());
                    if (old < threshold && k.getValue() >= threshold) {
                        newlyMastered++;
                    }
                    if (k.getValue() != old) {
                        gain += k.getValue() - old;
                        changed++;
                    }
                }
            }
            totalMastered += newlyMastered;
            readyChanged.clear();
            ingested.stream().flatMap(i -> i.students().stream())
                    .filter(c -> !c.enteredReady().isEmpty() || !c.leftReady().isEmpty())
                    .forEach(c -> readyChanged.add(c.studentId()));
            int trulyToday = learned.mastered();
            trulyMastered += trulyToday;
            int renewed = renewGoals(store, schoolId, graph, threshold, date);
            Kpis k = plan.kpis();
            out.printf("%-4d %-10s %-24s %6.1f%% %6.1f%% %9s %13s %8d %9s %9s %9s %7d%n", d, date, plan.score(),
                    k.placedShare() * 100, k.goalSkillShare() * 100, k.staffLedDelivered() + "/"
                            + k.staffLedRequired(), previous == null ? "–" : perturbations.forced() + "/"
                            + perturbations.additional(), results.size(), "+" + newlyMastered,
                    changed == 0 ? "–" : String.format("%+.3f", gain / changed), "+" + trulyToday, renewed);
            if (!Boolean.TRUE.equals(plan.workable())) {
                out.printf("     breaks: %s%n", brokenRules(plan));
            }
            out.flush();
            previous = plan;
        }
        int students = standing.students().size();
        double touchedPerStudent = touched.values().stream().mapToInt(Set::size).average().orElse(0);
        out.printf("%nA student worked on %.1f standards on average over the %d days, in %.1f skill blocks.",
                touchedPerStudent, days, skillBlocks / (double) Math.max(1, touched.size()));
        double perStudentDay = trulyMastered / (double) Math.max(1, students * days);
        out.printf("%nSkills newly mastered over %d days: %d by the school's estimates, %d truly (the learning model; "
                + "%d at the start): %.3f standards per student per school day%s; %d of %d skill blocks were on a "
                + "standard the student was truly ready for. Perturbations: placements that "
                + "differ from the day before; forced = the student's ready set changed or they were absent; added = "
                + "the rest. This is a model under stated assumptions (docs/learning-model.md), not evidence.%n",
                days, totalMastered, trulyMastered, trulyAtStart, perStudentDay, perStudentDay > 0
                ? String.format(", one every %.1f days", 1 / perStudentDay) : "", readyBlocks, skillBlocks);
        err.flush();
    }

    /** The broken hard and medium rules with how often each breaks, as the plan lists them. */
    private static Map<String, Long> brokenRules(Plan plan) {
        return plan.violations().stream().collect(java.util.stream.Collectors.groupingBy(
                org.regroup.domain.plan.Violation::rule, java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
    }

    /** A day's learning: the answers (the evidence), skill blocks, those on a truly ready standard, mastered ones. */
    private record Learned(List<EvidenceService.Result> results, int blocks, int readyBlocks, int mastered) {
    }

    /** Students learn in their skill blocks by the model and answer a few items on each; the answers are evidence. */
    private static Learned learn(Plan plan, ModalityCatalog modalities, LearningModel model, LocalDate date,
            Map<String, Set<String>> touched) {
        List<LearningModel.Block> blocks = LearningBlocks.of(plan, modalities);
        blocks.forEach(b -> touched.computeIfAbsent(b.studentId(), k -> new HashSet<>()).add(b.skillId()));
        List<EvidenceService.Result> results = new ArrayList<>();
        int ready = 0;
        int mastered = 0;
        for (LearningModel.Outcome o : model.day(blocks)) {
            LearningModel.Block b = o.block();
            ready += o.ready() ? 1 : 0;
            mastered += o.masteredNow() ? 1 : 0;
            for (int i = 0; i < o.answers().size(); i++) {
                results.add(new EvidenceService.Result(date + "-" + b.studentId() + "-" + b.blockId() + "-" + i,
                        b.studentId(), b.skillId(), o.answers().get(i), null, null,
                        OffsetDateTime.of(date.atTime(15, 0), ZoneOffset.UTC).plusSeconds(results.size()),
                        "simulation"));
            }
        }
        return new Learned(results, blocks.size(), ready, mastered);
    }

    /**
     * Each student who reached a goal (the school now estimates its standard mastered) sets the next with their
     * advisor ({@link GoalRenewal}), recorded as the API records it; how many students renewed.
     */
    private static int renewGoals(SchoolStore store, String schoolId, SkillGraph graph, double threshold,
            LocalDate date) {
        DayProblem standing = store.schools().school(schoolId).orElseThrow().standing();
        Map<String, StudentPaths.GoalSet> set = store.paths().allGoals(schoolId);
        Map<String, Map<String, Double>> estimates = store.evidence().allMastery(schoolId);
        int renewed = 0;
        for (Student student : standing.students()) {
            List<Goal> goals = set.containsKey(student.id()) ? set.get(student.id()).goals() : student.goals();
            Map<String, Double> estimate = estimates.getOrDefault(student.id(), Map.of());
            List<Goal> next = GoalRenewal.renewed(student.withGoals(goals), graph, estimate, threshold);
            if (next.equals(goals)) {
                continue;
            }
            store.paths().setGoals(schoolId, student.id(), next, "simulation", "student",
                    date.atTime(15, 30).toInstant(ZoneOffset.UTC));
            renewed++;
        }
        return renewed;
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temporary directory: the OS cleans up what is left
        }
    }

}
