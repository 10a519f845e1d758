package org.regroup.benchmarks.peers;

import java.time.Duration;
import java.util.List;

import org.regroup.benchmarks.witness.Witness;
import org.regroup.domain.DayProblem;
import org.regroup.solver.model.DayPlan;

/**
 * The witness ({@link Witness}) as a peer of the suite. It lives apart from the witness because a peer is handed
 * Regroup's built day, which the witness must not see: it plans from the day problem alone.
 */
public final class WitnessPeer implements Peer {

    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public String name() {
        return Witness.NAME;
    }

    @Override
    public PeerRun run(DayProblem problem, DayPlan unused, Duration timeLimit, long seed) {
        long start = System.nanoTime();
        Witness.Result result = Witness.plan(problem);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new PeerRun(List.of(new PeerRun.Timed(elapsed, result.plan())), result.facts());
    }
}
