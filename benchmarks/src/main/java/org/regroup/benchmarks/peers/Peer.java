package org.regroup.benchmarks.peers;

import java.time.Duration;

import org.regroup.domain.DayProblem;
import org.regroup.solver.model.DayPlan;

/**
 * A way of planning a day other than Regroup's solver, measured against it. Every peer hands back plans in the
 * documented plan format; the suite puts each onto a freshly built day ({@code PlanImporter}) and scores it with the
 * same Timefold rules and the same KPI code as Regroup's own plans, so there is one yardstick.
 */
public interface Peer {

    /** Short stable name used in results and reports, e.g. {@code static-tracking}, {@code greedy}, {@code cp-sat}. */
    String name();

    /**
     * Plans the day.
     *
     * @param problem   the validated day problem
     * @param day       the same day built for Regroup's solver ({@code DayPlanBuilder.build}), unsolved: its sessions
     *                  (adult × block), placements (student × block) and candidate lists say which session ids and
     *                  seats exist; a peer may read it but must not rely on it staying unchanged
     * @param timeLimit wall-clock budget; heuristics may ignore it
     * @param seed      for peers with randomness
     */
    PeerRun run(DayProblem problem, DayPlan day, Duration timeLimit, long seed);

    /** Plans the same day the same way whatever the seed: the suite then runs it once per day, not once per seed. */
    default boolean deterministic() {
        return false;
    }

    /** The JVM heap option a run of this peer needs when the suite's default is too small; null: the default. */
    default String jvmHeap() {
        return null;
    }
}
