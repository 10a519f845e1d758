package org.regroup.solver.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.domain.FocusKind;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.Focus;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.SessionPlan;
import org.regroup.domain.plan.StudentDay;
import org.regroup.domain.plan.StudentDay.Entry;
import org.regroup.domain.plan.StudentDay.Status;
import org.regroup.domain.plan.Unplaced;
import org.regroup.domain.plan.Violation;
import org.regroup.solver.HandMadeDay;
import org.regroup.solver.ProblemEditor;
import org.regroup.solver.StepBounded;
import org.regroup.solver.TestDays;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.explain.UnplacedReasons;
import org.regroup.solver.kpi.KpiCalculator;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.solve.DaySolver;

/** The plan output: per block the sessions held, per student a day card with one entry per block, ids only. */
class PlanAssemblerTest {

    private static DayPlan hand;
    private static Plan handPlan;
    private static DayPlan solved;
    private static Plan solvedPlan;

    @BeforeAll
    static void assembleOnce() {
        hand = HandMadeDay.plan();
        handPlan = PlanAssembler.assemble(hand);
        DayPlan tiny = DayPlanBuilder.build(ProblemEditor.of(TestDays.tiny()).pseudonyms().build(), "tiny");
        solved = DaySolver.solve(tiny, StepBounded.steps(2, 300),
                p -> { }).plan();
        solvedPlan = PlanAssembler.assemble(solved);
    }

    @Test
    void everyStudentHasAnEntryForEveryBlockInDayOrder() {
        for (Plan plan : List.of(handPlan, solvedPlan)) {
            assertThat(plan.students()).extracting(StudentDay::studentId)
                    .containsExactlyElementsOf(ids(24)); // the absent S24 too
            assertThat(plan.students()).allSatisfy(day -> assertThat(day.blocks()).extracting(Entry::blockId)
                    .containsExactly("B1", "B2", "B3", "B4"));
        }
    }

    @Test
    void anAbsentStudentIsAbsentAllDay() {
        assertThat(day("S24").blocks()).allSatisfy(e -> assertThat(e)
                .isEqualTo(new Entry(e.blockId(), Status.ABSENT, null, null, null, null, null, null)));
    }

    @Test
    void aCommitmentIsShownWithItsDescription() {
        assertThat(entry("S23", "B3"))
                .isEqualTo(new Entry("B3", Status.COMMITMENT, null, null, null, "U1", null, HandMadeDay.THERAPY));
        assertThat(entry("S23", "B2").status()).isEqualTo(Status.PLACED);
    }

    @Test
    void aPlacedStudentSeesSessionFocusModalityStaffAndSpace() {
        assertThat(entry("S01", "B2")).isEqualTo(new Entry("B2", Status.PLACED, "T1@B2",
                new Focus(FocusKind.SKILL, "OA1", "Operations 1"), "small-group", "T1", "R1", null));
        assertThat(entry("S07", "B2")).isEqualTo(new Entry("B2", Status.PLACED, "A1@B2",
                new Focus(FocusKind.SKILL, "NF2", "Fractions 2"), "independent-practice", "A1", "Q1", null));
        assertThat(entry("S07", "B1").focus()).isEqualTo(new Focus(FocusKind.ADVISORY, "advisory", "Advisory"));
    }

    @Test
    void aCatchAllPlacementIsMarkedAsSuch() {
        assertThat(entry("S10", "B4")).isEqualTo(new Entry("B4", Status.CATCH_ALL, HandMadeDay.CATCH_ALL_B4,
                new Focus(FocusKind.SKILL, "NF2", "Fractions 2"), "independent-practice", null, "HALL", null));
    }

    @Test
    void anUnplacedStudentIsListedWithTheReasons() {
        List<String> reasons = UnplacedReasons.of(HandMadeDay.placement(hand, "S11@B1"));
        assertThat(reasons).isNotEmpty();
        assertThat(handPlan.unplaced()).containsExactly(new Unplaced("S11", "B1", reasons));
        assertThat(entry("S11", "B1")).isEqualTo(new Entry("B1", Status.UNPLACED, null, null, null, null, null,
                String.join("; ", reasons)));
        assertThat(solvedPlan.unplaced()).isEmpty();
    }

    @Test
    void eachBlockListsTheSessionsHeld() {
        assertThat(handPlan.blocks()).extracting(BlockPlan::blockId).containsExactly("B1", "B2", "B3", "B4");
        assertThat(block("B1").sessions()).extracting(SessionPlan::id)
                .containsExactlyInAnyOrder("T1@B1", "T2@B1", "A1@B1");
        assertThat(block("B4").sessions()).extracting(SessionPlan::id)
                .containsExactlyInAnyOrder("T1@B4", "T2@B4", "A1@B4", HandMadeDay.CATCH_ALL_B4); // not U1@B4
        assertThat(handPlan.blocks()).flatExtracting(BlockPlan::sessions)
                .flatExtracting(SessionPlan::students).hasSize(90);
    }

    @Test
    void aSharedFocusSessionNamesItsFocusOnceAndAnIndividualOneSeatBySeat() {
        SessionPlan small = session("B2", "T1@B2");
        assertThat(small.focus()).isEqualTo(new Focus(FocusKind.SKILL, "OA1", "Operations 1"));
        assertThat(small.students()).extracting(SessionPlan.Seat::studentId)
                .containsExactly("S01", "S02", "S03", "S04", "S05", "S06", "S08", "S09");
        assertThat(small.students()).allSatisfy(seat -> assertThat(seat.focus()).isNull());
        assertThat(small).extracting(SessionPlan::modality, SessionPlan::staffId, SessionPlan::spaceId,
                SessionPlan::catchAll).containsExactly("small-group", "T1", "R1", false);

        SessionPlan practice = session("B2", "A1@B2");
        assertThat(practice.focus()).isNull();
        assertThat(practice.students()).containsExactly(
                new SessionPlan.Seat("S07", new Focus(FocusKind.SKILL, "NF2", "Fractions 2")),
                new SessionPlan.Seat("S10", new Focus(FocusKind.SKILL, "NF2", "Fractions 2")));

        SessionPlan catchAll = session("B4", HandMadeDay.CATCH_ALL_B4);
        assertThat(catchAll.catchAll()).isTrue();
        assertThat(catchAll.staffId()).isNull();
        assertThat(catchAll.students()).extracting(SessionPlan.Seat::studentId).containsExactly("S10", "S11", "S12");
    }

    @Test
    void scoreFeasibilityAndKpisAreTheDays() {
        assertThat(handPlan.score()).isEqualTo(hand.getScore().toString());
        // S10's staff-led blocks owed and S11 unplaced are medium: nothing hard, so feasible, not workable
        assertThat(handPlan.feasible()).isTrue().isEqualTo(hand.getScore().isFeasible());
        assertThat(handPlan.kpis()).isEqualTo(KpiCalculator.compute(hand));
        assertThat(solvedPlan.score()).isEqualTo(solved.getScore().toString());
        assertThat(solvedPlan.feasible()).isTrue().isEqualTo(solved.getScore().isFeasible());
        assertThat(handPlan).extracting(Plan::format, Plan::version, Plan::problemId, Plan::date).containsExactly(
                Plan.FORMAT, Plan.VERSION, hand.getProblem().id(), hand.getProblem().date());
        assertThat(handPlan.workable()).isFalse();
        assertThat(solvedPlan.workable()).isEqualTo(solved.getScore().mediumScore() == 0);
    }

    @Test
    void theHandMadePlansBrokenRulesAreListedWithTheIdsInvolved() {
        // S10 needs 3 staff-led blocks and gets 1; A1's advisory group in B1 is S07 alone (collaborative: 3 or more).
        // S11, unplaced in B1, is under unplaced.
        assertThat(handPlan.violations()).extracting(Violation::rule, Violation::level, Violation::sessions,
                Violation::staff, Violation::spaces, Violation::students).containsExactly(
                        tuple(Rules.STAFF_LED_MINIMUM, Violation.Level.MEDIUM, List.of(), List.of(), List.of(),
                                List.of("S10")),
                        tuple(Rules.GROUP_UNDER_MINIMUM, Violation.Level.MEDIUM, List.of("A1@B1"), List.of("A1"),
                                List.of("Q1"), List.of("S07")));
        assertThat(handPlan.violations().get(0).message()).isEqualTo("S10 needs staff-led blocks: 3 required, 1 planned");
        assertThat(solvedPlan.violations()).isEmpty();
    }

    @Test
    void anUnsolvedDayHasNoScoreAndIsNotFeasible() {
        DayPlan unsolved = DayPlanBuilder.build(TestDays.tiny(), "tiny");
        Plan plan = PlanAssembler.assemble(unsolved);
        assertThat(plan.score()).isNull();
        assertThat(plan.feasible()).isFalse();
        assertThat(plan.unplaced()).hasSize(96);
        assertThat(plan.blocks()).allSatisfy(b -> assertThat(b.sessions()).isEmpty());
    }

    @Test
    void thePlanNamesNobodyByTheirDisplayName() throws JsonProcessingException {
        for (Plan plan : List.of(handPlan, solvedPlan)) {
            String json = Json.mapper().writeValueAsString(plan);
            assertThat(json).contains("S01").doesNotContain(ProblemEditor.STUDENT_NAME_MARK)
                    .doesNotContain(ProblemEditor.STAFF_NAME_MARK);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private static List<String> ids(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> String.format("S%02d", i)).toList();
    }

    private static StudentDay day(String studentId) {
        return handPlan.students().stream().filter(d -> d.studentId().equals(studentId)).findFirst().orElseThrow();
    }

    private static Entry entry(String studentId, String blockId) {
        return day(studentId).blocks().stream().filter(e -> e.blockId().equals(blockId)).findFirst().orElseThrow();
    }

    private static BlockPlan block(String blockId) {
        return handPlan.blocks().stream().filter(b -> b.blockId().equals(blockId)).findFirst().orElseThrow();
    }

    private static SessionPlan session(String blockId, String sessionId) {
        return block(blockId).sessions().stream().filter(s -> s.id().equals(sessionId)).findFirst().orElseThrow();
    }
}
