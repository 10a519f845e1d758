package org.regroup.benchmarks.peers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.regroup.domain.plan.Plan;

/**
 * What a peer produced.
 *
 * @param improvements each better plan as it was found, oldest first, with the wall-clock time since the peer started;
 *                     the last one is the peer's answer (empty when it found none). Heuristics report one.
 * @param facts        peer-specific figures for the report, e.g. CP-SAT's status, objective and best bound
 */
public record PeerRun(List<Timed> improvements, Map<String, Object> facts) {

    public record Timed(Duration elapsed, Plan plan) {
    }

    public PeerRun {
        improvements = List.copyOf(improvements);
        facts = Map.copyOf(facts);
    }

    /** The final plan, or null when none was found. */
    public Plan last() {
        return improvements.isEmpty() ? null : improvements.get(improvements.size() - 1).plan();
    }
}
