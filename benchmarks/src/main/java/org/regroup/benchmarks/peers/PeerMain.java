package org.regroup.benchmarks.peers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.kpi.KpiCalculator;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.output.PlanImporter;

/**
 * Runs the peer planners on day problems and scores their plans the way the benchmark suite does: the plan is put
 * onto a freshly built day ({@link PlanImporter}) and scored with Regroup's rules and KPIs.
 *
 * <p>Usage: {@code java -cp benchmarks/target/regroup-benchmarks.jar org.regroup.benchmarks.peers.PeerMain
 * [--peer static-tracking|greedy|witness] DAY.json...}
 */
public final class PeerMain {

    /** One peer's plan on one day, as scored on a fresh day. */
    public record Result(String dataset, String peer, String score, Kpis kpis, Duration elapsed,
            Map<String, Integer> brokenRules, Map<String, Object> facts) {
    }

    private PeerMain() {
    }

    public static List<Peer> peers() {
        return List.of(new StaticTrackingPeer(), new GreedyRegroupingPeer(), new WitnessPeer());
    }

    public static void main(String[] args) {
        List<Peer> peers = new ArrayList<>(peers());
        List<Path> days = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--peer")) {
                String name = args[++i];
                peers.removeIf(p -> !p.name().equals(name));
            } else {
                days.add(Path.of(args[i]));
            }
        }
        if (days.isEmpty() || peers.isEmpty()) {
            System.err.println("usage: PeerMain [--peer static-tracking|greedy|witness] DAY.json...");
            System.exit(2);
        }
        System.out.println("| day | peer | score | placed | goal skills | staff-led got/needed | unmet accomm. "
                + "| catch-all | groups | time |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<Result> results = new ArrayList<>();
        for (Path file : days) {
            DayProblem problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
            for (Peer peer : peers) {
                Result r = run(file.getFileName().toString(), problem, peer);
                results.add(r);
                Kpis k = r.kpis();
                System.out.printf("| %s | %s | %s | %.1f%% | %.1f%% | %d/%d | %d | %d | %d | %.2f s |%n", r.dataset(),
                        r.peer(), r.score(), 100 * k.placedShare(), 100 * k.goalSkillShare(), k.staffLedDelivered(),
                        k.staffLedRequired(), k.studentsWithUnmetAccommodation(), k.catchAllStudentBlocks(),
                        k.openSessions(), r.elapsed().toMillis() / 1000.0);
            }
        }
        System.out.println();
        for (Result r : results) {
            System.out.println(r.dataset() + " " + r.peer() + ": broken " + r.brokenRules());
            System.out.println("  facts " + r.facts());
        }
    }

    /** Plans the day with the peer, imports the plan onto a fresh day and scores it. */
    public static Result run(String dataset, DayProblem problem, Peer peer) {
        DayPlan shared = DayPlanBuilder.build(problem, dataset);
        PeerRun run = peer.run(problem, shared, Duration.ofSeconds(30), 1L);
        Plan plan = run.last();
        DayPlan fresh = PlanScorer.imported(problem, plan, dataset);
        return new Result(dataset, peer.name(), fresh.getScore().toString(), KpiCalculator.compute(fresh),
                run.improvements().get(run.improvements().size() - 1).elapsed(), Explainer.brokenRules(fresh),
                run.facts());
    }

}
