package org.regroup.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.regroup.domain.DayProblem;
import org.regroup.domain.FocusKind;
import org.regroup.domain.Student;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Perturbations;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.StudentDay;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.output.PlanAssembler;
import org.regroup.solver.replan.Continuity;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.SolveOptions;

/**
 * Tomorrow's plan after some students' mastery changed: a cold solve of the new day against a warm start from
 * yesterday's plan with the continuity rule (issue 5). Yesterday = the day solved cold; then a share of the students
 * master what they worked on (their ready set changes); the new day is solved twice for the same time.
 * Reports time to the first feasible and first workable plan, the score, and perturbations against yesterday.
 *
 * <p>Usage: {@code java -cp benchmarks/target/regroup-benchmarks.jar org.regroup.benchmarks.ReplanBenchmark
 * [DAY.json=datasets/large.json] [30s] [0.10] [OUT.json=benchmarks/results/replan.json]}
 */
public final class ReplanBenchmark {

    /** One solve of the new day. */
    public record Solve(String start, double firstFeasibleSeconds, double firstWorkableSeconds, String score,
            int carriedOver, int remembered, Perturbations perturbations) {
    }

    public record Report(String dataset, String timeLimit, double changedShare, int changedStudents,
            double yesterdayFirstFeasibleSeconds, String yesterdayScore, Solve cold, Solve warm, int cores,
            String java) {
    }

    private ReplanBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "datasets/large.json");
        Duration limit = Duration.ofSeconds(Long.parseLong((args.length > 1 ? args[1] : "30s").replace("s", "")));
        double share = args.length > 2 ? Double.parseDouble(args[2]) : 0.10;
        Path out = Path.of(args.length > 3 ? args[3] : "benchmarks/results/replan.json");
        DayProblem day = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());

        Timed yesterday = solve(DayPlanBuilder.build(day, "yesterday"), limit);
        Plan previous = PlanAssembler.assemble(yesterday.result.plan());
        System.out.printf("yesterday: %s, feasible at %.2f s%n", previous.score(), yesterday.firstFeasible);

        Set<String> changed = new HashSet<>();
        DayProblem today = withMasteryChanged(day, previous, share, changed);

        Timed cold = solve(DayPlanBuilder.build(today, "today"), limit);
        Plan coldPlan = PlanAssembler.assemble(cold.result.plan());
        Solve coldSolve = new Solve("cold", cold.firstFeasible, cold.firstWorkable, coldPlan.score(), 0, 0,
                Perturbations.between(previous, coldPlan, changed, Set.of()));

        DayPlan warmDay = DayPlanBuilder.build(today, "today");
        Continuity.CarriedOver carried = Continuity.from(previous, warmDay, changed);
        Timed warm = solve(warmDay, limit);
        Plan warmPlan = PlanAssembler.assemble(warm.result.plan());
        Solve warmSolve = new Solve("warm, continuity rule", warm.firstFeasible, warm.firstWorkable,
                warmPlan.score(), carried.placements(), carried.remembered(),
                Perturbations.between(previous, warmPlan, changed, Set.of()));

        Report report = new Report(file.toString(), limit.toSeconds() + "s", share, changed.size(),
                yesterday.firstFeasible, previous.score(), coldSolve, warmSolve,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Json.writeAtomically(out, report);
        System.out.printf("%n%d of %d students' readiness changed; each solve %s%n", changed.size(),
                today.students().size(), report.timeLimit());
        System.out.printf("| start | first feasible | first workable | score | perturbations forced | additional |%n");
        System.out.printf("|---|---:|---:|---|---:|---:|%n");
        for (Solve s : List.of(coldSolve, warmSolve)) {
            System.out.printf("| %s | %.2f s | %.2f s | %s | %d | %d of %d |%n", s.start(), s.firstFeasibleSeconds(),
                    s.firstWorkableSeconds(), s.score(), s.perturbations().forced(), s.perturbations().additional(),
                    s.perturbations().compared());
        }
        System.out.println("written " + out);
    }

    private record Timed(DaySolver.Result result, double firstFeasible, double firstWorkable) {
    }

    private static Timed solve(DayPlan day, Duration limit) {
        double[] workable = {Double.NaN};
        DaySolver.Result r = DaySolver.solve(day, SolveOptions.of(limit).withSeed(1), p -> {
            if (Double.isNaN(workable[0]) && p.score().hardScore() == 0 && p.score().mediumScore() == 0) {
                workable[0] = p.elapsed().toMillis() / 1000.0;
            }
        });
        return new Timed(r, r.firstFeasible() == null ? Double.NaN : r.firstFeasible().toMillis() / 1000.0,
                workable[0]);
    }

    /**
     * A share of the students (seeded) master the skill they worked on in their first skill block yesterday: their
     * ready set changes, and that group no longer suits them, so they must move (forced perturbations).
     */
    static DayProblem withMasteryChanged(DayProblem day, Plan yesterday, double share, Set<String> changed) {
        Map<String, String> workedOn = new HashMap<>();
        for (StudentDay s : yesterday.students()) {
            s.blocks().stream().filter(e -> e.status() == StudentDay.Status.PLACED && e.focus() != null
                    && e.focus().kind() == FocusKind.SKILL).findFirst()
                    .ifPresent(e -> workedOn.put(s.studentId(), e.focus().id()));
        }
        // Students with a request are left alone: a request may name the very skill, and no plan can honour it then.
        Set<String> asked = new HashSet<>();
        day.requests().forEach(r -> asked.add(r.studentId()));
        Random random = new Random(1);
        List<Student> students = new ArrayList<>();
        for (Student s : day.students()) {
            String skill = workedOn.get(s.id());
            if (skill != null && !asked.contains(s.id()) && random.nextDouble() < share) {
                Map<String, Double> mastery = new HashMap<>(s.mastery());
                mastery.put(skill, 0.95);
                students.add(s.withMastery(mastery));
                changed.add(s.id());
            } else {
                students.add(s);
            }
        }
        return day.with(day.id(), day.date(), day.staff(), day.spaces(), students, day.weights());
    }
}
