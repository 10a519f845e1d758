package org.regroup.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.regroup.benchmarks.cpsat.CpSatPeer;
import org.regroup.benchmarks.peers.PeerRun;
import org.regroup.benchmarks.peers.PlanScorer;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.DayPlanCloner;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.SolveOptions;

/**
 * Where Regroup's plan of a day falls short of CP-SAT's (on days small enough for CP-SAT to prove its optimum):
 * both plans scored by Regroup's rules, rule by rule; both plans' groups block by block; and Regroup's plan with each
 * one block replaced by CP-SAT's. When putting one of CP-SAT's blocks into Regroup's plan makes it better, the plan is
 * a local optimum of Regroup's moves, not of the rules: what that block changes is the move the search lacks (it found
 * the trade moves, docs/model.md "Trading groups"). Student ids only.
 *
 * <p>Usage: {@code java -cp benchmarks/target/regroup-benchmarks.jar org.regroup.benchmarks.OptimumGapProbe DAY.json
 * [CP_SAT_SECONDS] [REGROUP_STEPS] [SEED]}
 */
public final class OptimumGapProbe {

    private OptimumGapProbe() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: OptimumGapProbe DAY.json [CP_SAT_SECONDS] [REGROUP_STEPS] [SEED]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long cpSeconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        DayProblem problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());

        PeerRun run = new CpSatPeer().run(problem, DayPlanBuilder.build(problem, "cp-sat"),
                Duration.ofSeconds(cpSeconds), seed);
        if (run.last() == null) {
            System.out.println("CP-SAT found no plan in " + cpSeconds + " s");
            return;
        }
        DayPlan cpSat = PlanScorer.imported(problem, run.last(), "cp-sat plan");
        DayPlan regroup = DaySolver.solve(DayPlanBuilder.build(problem, "regroup"),
                SolveOptions.of(Duration.ofHours(1)).withSeed(seed).withStepCountLimit(steps), p -> {
                }).plan();

        ScoreAnalysis<HardMediumSoftScore> c = Explainer.solutionManager().analyze(cpSat);
        ScoreAnalysis<HardMediumSoftScore> r = Explainer.solutionManager().analyze(regroup);
        System.out.printf("CP-SAT (%s): %s%nRegroup (seed %d, %d steps): %s%n%n", run.facts().get("status"),
                c.score(), seed, steps, r.score());
        Set<String> rules = new TreeSet<>();
        c.constraintMap().keySet().forEach(k -> rules.add(k.constraintName()));
        r.constraintMap().keySet().forEach(k -> rules.add(k.constraintName()));
        System.out.println("| rule | CP-SAT | Regroup |\n|---|---|---|");
        for (String rule : rules) {
            String cs = points(c, rule);
            String rs = points(r, rule);
            if (!cs.equals(rs)) {
                System.out.println("| " + rule + " | " + cs + " | " + rs + " |");
            }
        }
        System.out.println();
        groups("CP-SAT", cpSat);
        groups("Regroup", regroup);
        System.out.println();
        for (Period period : regroup.getPeriods()) {
            System.out.println("Regroup with CP-SAT's " + period.getId() + ": "
                    + Explainer.solutionManager().update(withBlockOf(regroup, cpSat, period)));
        }
    }

    private static String points(ScoreAnalysis<HardMediumSoftScore> analysis, String rule) {
        HardMediumSoftScore sum = HardMediumSoftScore.ZERO;
        for (var e : analysis.constraintMap().entrySet()) {
            if (e.getKey().constraintName().equals(rule)) {
                sum = sum.add(e.getValue().score());
            }
        }
        return sum.toString();
    }

    private static void groups(String who, DayPlan plan) {
        for (Session s : plan.getSessions()) {
            if (s.getPlacements().isEmpty()) {
                continue;
            }
            StringBuilder members = new StringBuilder();
            for (Placement p : s.getPlacements()) {
                Focus f = s.focusOf(p.getLearner());
                members.append(' ').append(p.getLearner().getId()).append(':').append(f == null ? "-" : f.getId());
            }
            System.out.printf("%-8s %-14s %-22s %-10s%s%n", who, s.getId(),
                    s.getMode() == null ? "-" : s.getMode().getId(), s.getRoom() == null ? "-" : s.getRoom().getId(),
                    members);
        }
    }

    /** A copy of {@code plan} whose {@code period} is as in {@code other} (seats, modalities, rooms; matched by id). */
    private static DayPlan withBlockOf(DayPlan plan, DayPlan other, Period period) {
        DayPlan mixed = new DayPlanCloner().cloneSolution(plan);
        Map<String, Session> sessions = new HashMap<>();
        mixed.getSessions().forEach(s -> sessions.put(s.getId(), s));
        for (Session o : other.getSessions()) {
            if (o.getPeriod().getId().equals(period.getId())) {
                Session s = sessions.get(o.getId());
                // the two days were built apart: their modalities and rooms are equal by id, not the same objects
                s.setMode(o.getMode() == null ? null : byId(s.getAllowedModes(), Mode::getId, o.getMode().getId()));
                s.setRoom(o.getRoom() == null ? null : byId(s.getAllowedRooms(), Room::getId, o.getRoom().getId()));
            }
        }
        Map<String, Placement> seats = new HashMap<>();
        other.getPlacements().forEach(p -> seats.put(p.getId(), p));
        for (Placement p : mixed.getPlacements()) {
            Placement o = seats.get(p.getId());
            if (p.getPeriod().getId().equals(period.getId()) && o != null) {
                p.setSession(o.getSession() == null ? null : sessions.get(o.getSession().getId()));
            }
        }
        return mixed;
    }

    private static <T> T byId(java.util.List<T> items, java.util.function.Function<T, String> idOf, String id) {
        return items.stream().filter(x -> idOf.apply(x).equals(id)).findFirst().orElseThrow();
    }
}
