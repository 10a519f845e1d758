package org.regroup.solver.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.solver.HandMadeDay;
import org.regroup.solver.ProblemEditor;
import org.regroup.solver.StepBounded;
import org.regroup.solver.TestDays;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.constraints.Reason;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.explain.Explainer.Explanation;
import org.regroup.solver.explain.Explainer.RuleNote;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;
import org.regroup.solver.solve.DaySolver;

/**
 * Explanations for one student, in one block or all day: where they are and why, and only the rule matches that
 * concern them there. People are named by id only.
 */
class ExplainerTest {

    /** The tiny day (with pseudonyms) after a short seeded solve. */
    private static DayPlan solved;
    private static ScoreAnalysis<HardMediumSoftScore> solvedAnalysis;
    /** {@link HandMadeDay}: known unplaced, catch-all, absent and commitment cases. */
    private static DayPlan hand;
    private static ScoreAnalysis<HardMediumSoftScore> handAnalysis;

    @BeforeAll
    static void solveOnce() {
        DayPlan tiny = DayPlanBuilder.build(ProblemEditor.of(TestDays.tiny()).pseudonyms().build(), "tiny");
        solved = DaySolver.solve(tiny, StepBounded.steps(2, 300),
                p -> { }).plan();
        solvedAnalysis = Explainer.solutionManager().analyze(solved, ScoreAnalysisFetchPolicy.FETCH_ALL);
        hand = HandMadeDay.plan();
        handAnalysis = Explainer.solutionManager().analyze(hand, ScoreAnalysisFetchPolicy.FETCH_ALL);
    }

    @Test
    void aBlockExplanationDescribesTheStudentsSession() {
        Session s = placement(solved, "S05@B2").getSession();
        assertThat(s).isNotNull();
        Explanation e = Explainer.explain(solved, "S05@B2");
        assertThat(e.studentId()).isEqualTo("S05");
        assertThat(e.blockId()).isEqualTo("B2");
        assertThat(e.placement()).singleElement().asString()
                .startsWith("Block B2 (09:00-09:45): " + s.getMode().getName().toLowerCase())
                .contains(" with " + s.getAdult().getId())
                .contains(" in " + s.getRoom().getId())
                .contains("(" + s.getId() + ", " + s.size() + " student");
        assertThat(e.text()).startsWith("Explanation for S05 in block B2\n");
    }

    @Test
    void aBlockExplanationListsTheRuleMatchesOfThatStudentInThatBlockOrAllDay() {
        for (Learner learner : solved.getLearners()) {
            for (Period period : solved.getPeriods()) {
                Explanation e = Explainer.explain(solved, solvedAnalysis, learner.getId(), period.getId());
                assertThat(e.rules()).as("%s@%s", learner.getId(), period.getId())
                        .containsExactlyInAnyOrderElementsOf(expectedNotes(solvedAnalysis, learner.getId(),
                                period.getId()));
            }
        }
        // The solved day has notes at all (else the check above proves little).
        assertThat(solved.getLearners()).anySatisfy(l -> assertThat(
                Explainer.explain(solved, solvedAnalysis, l.getId(), "B2").rules()).isNotEmpty());
    }

    @Test
    void notesOfOtherBlocksAreLeftOut() {
        // S10 works on NF2 in B2, B3 and B4: the same skill again in B3 and in B4; the catch-all in B4; and is
        // short of staff-led time all day.
        List<String> inB4 = rules(Explainer.explain(hand, "S10@B4"));
        assertThat(inB4).contains(Rules.CATCH_ALL_USED, Rules.STAFF_LED_MINIMUM, Rules.SAME_MODALITY_ALL_DAY);
        assertThat(inB4).filteredOn(Rules.SAME_SKILL_TWICE::equals).hasSize(1);
        List<String> inB2 = rules(Explainer.explain(hand, "S10@B2"));
        assertThat(inB2).contains(Rules.STAFF_LED_MINIMUM, Rules.SAME_MODALITY_ALL_DAY)
                .doesNotContain(Rules.CATCH_ALL_USED, Rules.SAME_SKILL_TWICE);
        List<String> allDay = rules(Explainer.explain(hand, "S10"));
        assertThat(allDay).filteredOn(Rules.SAME_SKILL_TWICE::equals).hasSize(2);
        assertThat(allDay).contains(Rules.CATCH_ALL_USED, Rules.STAFF_LED_MINIMUM);
        // Another student's unplaced block is not S10's business.
        assertThat(rules(Explainer.explain(hand, "S10@B1"))).doesNotContain(Rules.UNPLACED);
    }

    @Test
    void anUnplacedStudentIsToldSo() {
        Explanation e = Explainer.explain(hand, "S11@B1");
        assertThat(e.placement()).containsExactly("Block B1 (08:30-08:55): no session");
        assertThat(e.rules()).extracting(RuleNote::rule).contains(Rules.UNPLACED);
        assertThat(e.rules()).filteredOn(n -> n.rule().equals(Rules.UNPLACED)).singleElement()
                .satisfies(n -> assertThat(n.impact()).isEqualTo("0hard/-10medium/0soft"));
    }

    @Test
    void aCatchAllPlacementSaysItIsTheCatchAll() {
        assertThat(Explainer.explain(hand, "S10@B4").placement()).singleElement().asString()
                .contains(HandMadeDay.CATCH_ALL_B4, " in HALL", "the catch-all").doesNotContain(" with ");
    }

    @Test
    void aStudentNotInSchoolIsToldSo() {
        assertThat(Explainer.explain(hand, "S24").placement()).singleElement().asString()
                .contains("not in school today");
        assertThat(Explainer.explain(hand, "S23@B3").placement()).singleElement().asString()
                .contains("not in school in block B3");
    }

    @Test
    void aWholeDayExplanationCoversEveryBlockInOrder() {
        Explanation e = Explainer.explain(solved, "S05");
        assertThat(e.blockId()).isNull();
        assertThat(e.placement()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            Period period = solved.getPeriods().get(i);
            Session s = placement(solved, "S05@" + period.getId()).getSession();
            assertThat(e.placement().get(i)).startsWith("Block " + period.getId() + " (").contains(s.getId());
        }
        assertThat(e.rules()).containsExactlyInAnyOrderElementsOf(expectedNotes(solvedAnalysis, "S05", null));
        assertThat(e.text()).startsWith("Explanation for S05 (whole day)\n");
    }

    @Test
    void explanationsNameNobodyByTheirDisplayName() {
        for (DayPlan plan : List.of(solved, hand)) {
            ScoreAnalysis<HardMediumSoftScore> analysis = plan == solved ? solvedAnalysis : handAnalysis;
            List<String> ids = new ArrayList<>(plan.getLearners().stream().map(Learner::getId).toList());
            ids.add("S24"); // absent on the hand-made day
            for (String id : ids) {
                List<String> blocks = new ArrayList<>(plan.getPeriods().stream().map(Period::getId).toList());
                blocks.add(null);
                for (String block : blocks) {
                    String text = Explainer.explain(plan, analysis, id, block).text();
                    assertThat(text).doesNotContain(ProblemEditor.STUDENT_NAME_MARK)
                            .doesNotContain(ProblemEditor.STAFF_NAME_MARK);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** What the explanation should list, straight from the score analysis: matches whose reason names the student. */
    private static List<RuleNote> expectedNotes(ScoreAnalysis<HardMediumSoftScore> analysis, String studentId,
            String blockId) {
        List<RuleNote> notes = new ArrayList<>();
        for (ConstraintAnalysis<HardMediumSoftScore> constraint : analysis.constraintAnalyses()) {
            for (MatchAnalysis<HardMediumSoftScore> match : constraint.matches()) {
                Reason reason = (Reason) match.justification();
                if (reason.studentIds().contains(studentId)
                        && (blockId == null || reason.blockId() == null || blockId.equals(reason.blockId()))) {
                    notes.add(new RuleNote(constraint.constraintName(), match.score().toString(),
                            reason.describe()));
                }
            }
        }
        return notes;
    }

    private static List<String> rules(Explanation e) {
        return e.rules().stream().map(RuleNote::rule).toList();
    }

    private static Placement placement(DayPlan plan, String id) {
        return plan.getPlacements().stream().filter(p -> p.getId().equals(id)).findFirst().orElseThrow();
    }
}
