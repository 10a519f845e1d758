package org.regroup.solver.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.solver.ProblemEditor;
import org.regroup.solver.StepBounded;
import org.regroup.solver.TestDays;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.constraints.DayEntry;
import org.regroup.solver.solve.DaySolver;

/**
 * The derived data that makes score calculation cheap reads exactly what it replaces (docs/model.md, "Score
 * calculation"): a session's outline gives every member the same day entry as the session itself, kept summaries equal
 * fresh ones, indexed options equal filtered ones. The FULL_ASSERT solver tests check the incremental score; these
 * check the values behind it on a solved day.
 */
class SessionOutlineTest {

    private static DayPlan solved;

    /** The tiny day with peers (S01 has seven, S03 one), solved briefly. */
    @BeforeAll
    static void solve() {
        var day = ProblemEditor.of(TestDays.tiny())
                .student("S01", s -> s.peers = List.of("S02", "S03", "S04", "S05", "S06", "S07", "S08"))
                .student("S03", s -> s.peers = List.of("S04"))
                .build();
        solved = DaySolver.solve(DayPlanBuilder.build(day, "tiny"), StepBounded.steps(3, 200), p -> {
        }).plan();
    }

    @Test
    void everyMemberReadsTheSameEntryThroughTheOutlineAsThroughTheSession() {
        Map<Session, SessionOutline> outlineOf = new IdentityHashMap<>();
        solved.getOutlines().forEach(o -> outlineOf.put(o.getSession(), o));
        assertThat(outlineOf).hasSameSizeAs(solved.getSessions());
        int compared = 0;
        for (Placement p : solved.getPlacements()) {
            Session s = p.getSession();
            if (s == null || s.getMode() == null) {
                continue;
            }
            assertThat(DayEntry.of(p.getLearner(), p.getPeriod(), outlineOf.get(s)))
                    .as("placement %s", p.getId())
                    .isEqualTo(DayEntry.of(p.getLearner(), p.getPeriod(), s));
            compared++;
        }
        assertThat(compared).as("placed student-blocks compared").isGreaterThan(10);
    }

    @Test
    void keptSummariesEqualFreshOnesAndSayWhatTheyWereComputedFor() {
        for (Session s : solved.getSessions()) {
            GroupSummary fresh = GroupSummary.of(s);
            assertThat(s.getSummary()).as("session %s", s.getId()).isEqualTo(fresh);
            assertThat(s.getSummary().isOf(s.getPlacements(), s.getMode())).isTrue();
        }
        Session open = solved.getSessions().stream().filter(Session::isOpen).findFirst().orElseThrow();
        Mode other = open.getAllowedModes().stream().filter(m -> m != open.getMode()).findFirst().orElse(null);
        if (other != null) {
            assertThat(open.getSummary().isOf(open.getPlacements(), other)).as("another modality").isFalse();
        }
        assertThat(open.getSummary().isOf(open.getPlacements().subList(1, open.getPlacements().size()),
                open.getMode())).as("one member fewer").isFalse();
    }

    @Test
    void indexedOptionsAreTheFilteredOnes() {
        for (Learner l : solved.getLearners()) {
            for (Period period : solved.getPeriods()) {
                for (Mode mode : solved.getModes()) {
                    Option[] filtered = l.options(period).stream()
                            .filter(o -> o.eligible() && o.focus().runsIn(mode)).toArray(Option[]::new);
                    assertThat(l.eligibleIn(period, mode)).containsExactlyInAnyOrder(filtered);
                }
                for (Focus focus : solved.getFoci()) {
                    Option scanned = l.options(period).stream().filter(o -> o.focus() == focus).findFirst()
                            .orElse(null);
                    assertThat(l.option(period, focus)).isSameAs(scanned);
                }
            }
        }
    }

    @Test
    void membersWithAPeerAreThoseSharingTheSessionWithOne() {
        int withPeers = 0;
        for (Session s : solved.getSessions()) {
            Learner[] members = s.getPlacements().stream().map(Placement::getLearner).toArray(Learner[]::new);
            Learner[] expected = Arrays.stream(members)
                    .filter(m -> m.getPeers().stream().anyMatch(peer -> Arrays.asList(members).contains(peer)))
                    .toArray(Learner[]::new);
            assertThat(s.getSummary().getWithPeer()).as("session %s", s.getId()).containsExactlyInAnyOrder(expected);
            withPeers += expected.length;
        }
        assertThat(withPeers).as("student-blocks with a peer in the session").isPositive();
    }

    @Test
    void aCloneOutlinesItsOwnSessions() {
        DayPlan clone = new DayPlanCloner().cloneSolution(solved);
        assertThat(clone.getOutlines()).hasSameSizeAs(solved.getOutlines());
        for (SessionOutline o : clone.getOutlines()) {
            assertThat(clone.getSessions()).anyMatch(s -> s == o.getSession());
            assertThat(o.getLook()).isEqualTo(solved.getOutlines().get(o.getSession().getIndex()).getLook());
        }
    }
}
