package org.regroup.benchmarks.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.ortools.Loader;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Session;

/**
 * The foci a workable model leaves out are never ones a workable plan uses: every shared-focus group of Regroup's
 * workable plan on the small day (seeded, ended by steps) runs a focus the model keeps for its session and modality.
 */
class FocusCandidatesTest {

    @Test
    void prunedFociKeepEveryFocusOfAWorkablePlanOnSmall() {
        Path file = Path.of("../datasets/small.json");
        DayProblem problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
        DayPlan regroup = CpSatPeerTest.regroupPlan(problem);
        assertThat(CpSatPeer.workable(regroup.getScore())).as("%s", regroup.getScore()).isTrue();
        Loader.loadNativeLibraries();
        DayModel m = DayModel.of(DayPlanBuilder.build(problem, file.toString()), Scope.WORKABLE);

        List<String> missing = new ArrayList<>();
        int groups = 0;
        for (Session s : regroup.getSessions()) {
            Focus focus = s.isOpen() ? s.summarize().getFocus() : null;
            if (focus == null || !DayModel.isShared(s, s.getMode())) {
                continue;
            }
            groups++;
            Session modelled = m.sessions.get(s.getIndex());
            boolean kept = FocusCandidates.of(m, modelled, m.seatsOfSession.get(s.getIndex()),
                    List.of(modelled.getAllowedModes().stream().filter(x -> x.getId().equals(s.getMode().getId()))
                            .findFirst().orElseThrow()))
                    .get(0).foci().stream().anyMatch(f -> f.getId().equals(focus.getId()));
            if (!kept) {
                missing.add(s.getId() + " " + s.getMode().getId() + " " + focus.getId());
            }
            assertThat(m.focusVars.get(s.getIndex()).keySet().stream().map(Focus::getId)).contains(focus.getId());
        }
        assertThat(groups).as("shared-focus groups in Regroup's plan").isGreaterThan(5);
        assertThat(missing).isEmpty();
    }
}
