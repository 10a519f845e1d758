package org.regroup.solver.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.domain.io.DayProblemValidator;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.Violation;
import org.regroup.solver.CrunchDay;
import org.regroup.solver.HandMadeDay;
import org.regroup.solver.ProblemEditor;
import org.regroup.solver.TestDays;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.explain.RuleBreaks;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.output.PlanAssembler;

/**
 * A plan that breaks caps to look generous ({@link CrunchDay}): the accommodations' own rules are satisfied, but time
 * in a session that breaks a hard rule is not delivered, and the plan says which rules break, with whom.
 */
class HonestAccommodationsTest {

    private static DayPlan day;
    private static Plan plan;

    @BeforeAll
    static void assembleOnce() {
        assertThat(DayProblemValidator.validate(CrunchDay.problem())).isEmpty();
        day = CrunchDay.plan();
        plan = PlanAssembler.assemble(day);
    }

    @Test
    void theScoreAgreesTheTimeInGroupsOverTheirCapsIsOwed() {
        // The minimums count only time in groups that run as planned (Session.runsAsPlanned), so the rules that owe
        // it break as the KPIs say: S01–S05 a staff-led block each, S14–S17 their block of 1:1 time.
        assertThat(Explainer.brokenRules(day)).containsOnly(entry(Rules.STAFF_OVER_STUDENT_CAP, 2),
                entry(Rules.GROUP_OVER_SIZE_CAP, 1), entry(Rules.UNPLACED, 69), entry(Rules.STAFF_LED_MINIMUM, 5),
                entry(Rules.ONE_TO_ONE_MINUTES, 4));
        assertThat(day.getScore().hardScore()).isEqualTo(-11); // T1 3 over, U1 4 over its 1, the 1:1 group 4 over
    }

    @Test
    void staffLedTimeInAnOverCapGroupIsNotDelivered() {
        Kpis kpis = plan.kpis();
        // S01–S05 need 2 each and sit in two staff-led groups, but T1's B2 group is 3 over T1's cap
        assertThat(kpis.studentsWithStaffLedNeed()).isEqualTo(5);
        assertThat(kpis.staffLedRequired()).isEqualTo(10);
        assertThat(kpis.staffLedDelivered()).isEqualTo(5);
        assertThat(KpiCalculator.studentOutcomes(day).get("S01"))
                .isEqualTo(new KpiCalculator.StudentOutcome("S01", 1, 2, List.of("staff-led time")));
    }

    @Test
    void aOneToOneSessionOfFiveMeetsNobodysOneToOneMinutes() {
        var outcomes = KpiCalculator.studentOutcomes(day);
        assertThat(outcomes.get("S14").unmet()).containsExactly("1:1 minutes");
        assertThat(outcomes.get("S17").unmet()).containsExactly("1:1 minutes");
        assertThat(outcomes.get("S13").unmet()).as("a real 1:1 in B2").isEmpty();
        assertThat(outcomes.get("S18").unmet()).as("no 1:1 need").isEmpty();
        // S01–S05 (staff-led time) and S14–S17 (1:1 minutes)
        assertThat(plan.kpis().studentsWithUnmetAccommodation()).isEqualTo(9);
    }

    @Test
    void thePlanListsEveryBrokenHardRuleWithTheIdsInvolved() {
        assertThat(plan.feasible()).isFalse();
        assertThat(plan.workable()).isFalse();
        assertThat(plan.violations()).filteredOn(v -> v.level() == Violation.Level.MEDIUM)
                .extracting(Violation::rule, Violation::students).containsExactly(
                        tuple(Rules.STAFF_LED_MINIMUM, List.of("S01")), tuple(Rules.STAFF_LED_MINIMUM, List.of("S02")),
                        tuple(Rules.STAFF_LED_MINIMUM, List.of("S03")), tuple(Rules.STAFF_LED_MINIMUM, List.of("S04")),
                        tuple(Rules.STAFF_LED_MINIMUM, List.of("S05")), tuple(Rules.ONE_TO_ONE_MINUTES, List.of("S14")),
                        tuple(Rules.ONE_TO_ONE_MINUTES, List.of("S15")), tuple(Rules.ONE_TO_ONE_MINUTES, List.of("S16")),
                        tuple(Rules.ONE_TO_ONE_MINUTES, List.of("S17")));
        assertThat(plan.violations()).filteredOn(v -> v.level() == Violation.Level.HARD)
                .extracting(Violation::rule, Violation::level, Violation::blocks, Violation::sessions,
                        Violation::staff, Violation::spaces, Violation::students)
                .containsExactly(
                        tuple(Rules.STAFF_OVER_STUDENT_CAP, Violation.Level.HARD, List.of("B2"), List.of("T1@B2"),
                                List.of("T1"), List.of("R1"), List.of("S01", "S02", "S03", "S04", "S05", "S06",
                                        "S08", "S09", "S10", "S11", "S12")),
                        tuple(Rules.STAFF_OVER_STUDENT_CAP, Violation.Level.HARD, List.of("B3"), List.of("U1@B3"),
                                List.of("U1"), List.of("Q1"), List.of("S14", "S15", "S16", "S17", "S18")),
                        tuple(Rules.GROUP_OVER_SIZE_CAP, Violation.Level.HARD, List.of("B3"), List.of("U1@B3"),
                                List.of("U1"), List.of("Q1"), List.of("S14", "S15", "S16", "S17", "S18")));
        assertThat(plan.violations().get(0).message()).isEqualTo("T1 would have 11 students at once in block B2; "
                + "at most 8 are allowed (their own cap and the modality's students per adult)");
    }

    @Test
    void unplacedStudentBlocksAreListedOnceUnderUnplacedNotAsViolations() {
        assertThat(plan.unplaced()).isNotEmpty();
        assertThat(plan.violations()).extracting(Violation::rule).doesNotContain(Rules.UNPLACED);
    }

    @Test
    void theWrittenPlanNamesNobody() throws JsonProcessingException {
        assertThat(Json.mapper().writeValueAsString(plan)).contains("\"violations\"")
                .doesNotContain(ProblemEditor.STUDENT_NAME_MARK, ProblemEditor.STAFF_NAME_MARK);
    }

    @Test
    void anExplanationSaysWhichTimeIsNotDelivered() {
        assertThat(Explainer.explain(day, "S14@B3").text()).contains("NOT DELIVERED", Rules.GROUP_OVER_SIZE_CAP);
        assertThat(Explainer.explain(day, "S01@B3").text()).doesNotContain("NOT DELIVERED");
    }

    @Test
    void aFeasiblePlanWhoseOnlyMediumPenaltyIsItsUnplacedStudentsBreaksNothingElse() {
        DayPlan few = fewPlaced("S01 S02 S03");

        RuleBreaks breaks = RuleBreaks.of(few);

        assertThat(few.getScore().hardScore()).isZero();
        assertThat(breaks.violations()).isEmpty();
        assertThat(breaks.counts()).containsOnlyKeys(Rules.UNPLACED);
        assertThat(breaks.counts().get(Rules.UNPLACED) * 10).isEqualTo(-few.getScore().mediumScore());
    }

    @Test
    void aGroupBelowItsMinimumIsAMediumViolation() {
        DayPlan few = fewPlaced("S01 S02");

        assertThat(PlanAssembler.assemble(few).violations())
                .extracting(Violation::rule, Violation::level, Violation::sessions, Violation::students)
                .containsExactly(tuple(Rules.GROUP_UNDER_MINIMUM, Violation.Level.MEDIUM, List.of("T1@B2"),
                        List.of("S01", "S02")));
    }

    /** The tiny day without accommodations, with these students in T1's small group in B2 and nobody else placed. */
    private static DayPlan fewPlaced(String students) {
        DayPlan few = DayPlanBuilder.build(ProblemEditor.of(TestDays.tiny())
                .student("S05", s -> s.accommodations = null).student("S07", s -> s.accommodations = null)
                .build(), "few");
        HandMadeDay.assign(few, "T1@B2", "small-group", "R1", students);
        few.getSessions().stream().filter(s -> s.getMode() == null).forEach(s -> s.setMode(s.getAllowedModes().get(0)));
        Explainer.solutionManager().update(few);
        return few;
    }
}
