package org.regroup.benchmarks.term;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.regroup.benchmarks.peers.Peer;
import org.regroup.benchmarks.peers.PlanScorer;
import org.regroup.domain.DayProblem;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.output.PlanAssembler;

/**
 * A peer planning each day afresh (greedy regrouping, static tracking: neither looks at yesterday). Its plan is put
 * onto the day as the benchmark suite does and assembled by Regroup's code, so its score and KPIs are Regroup's.
 */
final class PeerPolicy implements Policy {

    private final Peer peer;
    private final Duration timeLimit;

    PeerPolicy(Peer peer, Duration timeLimit) {
        this.peer = peer;
        this.timeLimit = timeLimit;
    }

    @Override
    public Plan plan(DayProblem today, List<Plan> lastTwo, Set<String> readyChanged, long seed) {
        Plan own = peer.run(today, DayPlanBuilder.build(today, today.id()), timeLimit, seed).last();
        if (own == null) {
            throw new IllegalStateException(peer.name() + " found no plan for " + today.date());
        }
        return PlanAssembler.assemble(PlanScorer.imported(today, own, peer.name()));
    }
}
