package org.regroup.benchmarks.cpsat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regroup.benchmarks.peers.PeerRun;

/** One result from the two stages of an empty start: stage two's plans and facts, stage one's on the way there. */
final class StagedResult {

    /** Stage one's facts kept under {@code stage1}; the rest are stage two's (the status and bound are its). */
    private static final List<String> STAGE_ONE_FACTS = List.of("status", "objective", "modelScore",
            "bestObjectiveBound", "modelBuildMillis", "hint", "numVariables", "numConstraints", "wallTimeSeconds",
            "deterministicTime");

    private StagedResult() {
    }

    static CpSatPeer.Result merge(CpSatPeer.Result first, CpSatPeer.Result second) {
        if (second.best() == null) {
            return first;
        }
        List<PeerRun.Timed> improvements = new ArrayList<>(first.run().improvements());
        long lastSoft = first.best().soft();
        // Stage two starts from stage one's last plan: report only what beats it.
        List<PeerRun.Timed> later = second.run().improvements();
        for (int i = 0; i < later.size(); i++) {
            if (softOf(later.get(i)) < lastSoft) {
                improvements.add(later.get(i));
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>(second.run().facts());
        Map<String, Object> stageOne = new LinkedHashMap<>();
        STAGE_ONE_FACTS.forEach(k -> {
            if (first.run().facts().containsKey(k)) {
                stageOne.put(k, first.run().facts().get(k));
            }
        });
        facts.put("stage1", stageOne);
        facts.put("firstSolutionMillis", first.run().facts().get("firstSolutionMillis"));
        return new CpSatPeer.Result(new PeerRun(improvements, facts), second.model(), second.best(),
                second.modelPoints());
    }

    private static long softOf(PeerRun.Timed timed) {
        return -ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore
                .parseScore(timed.plan().score()).softScore();
    }
}
