package org.regroup.solver.replan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.plan.Perturbations;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.StudentDay;
import org.regroup.solver.StepBounded;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Placement;
import org.regroup.solver.output.PlanAssembler;
import org.regroup.solver.solve.DaySolver;

/** Starting a day from the plan it replaces. */
class ContinuityTest {

    private static final DayProblem SMALL = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
    /** Local-search steps of each plan here (about a second's worth on an idle 2-core machine). */
    private static final int STEPS = 250;

    private static Plan yesterday() {
        DayPlan day = DayPlanBuilder.build(SMALL, "small");
        return PlanAssembler.assemble(DaySolver.solve(day, StepBounded.steps(1, STEPS), p -> {
        }).plan());
    }

    @Test
    void studentsKeepTheirSessionsAndRememberTheirAdultExceptThoseWhoseReadinessChanged() {
        Plan before = yesterday();
        String changed = before.students().get(0).studentId();
        DayPlan today = DayPlanBuilder.build(SMALL, "small");

        Continuity.CarriedOver carried = Continuity.from(before, today, Set.of(changed));

        for (Placement p : today.getPlacements()) {
            StudentDay.Entry was = entry(before, p);
            if (p.getLearner().getId().equals(changed)) {
                assertThat(p.getPreviousAdultId()).as("free to move").isNull();
            } else if (was.status() == StudentDay.Status.PLACED) {
                assertThat(p.getSession().getId()).isEqualTo(was.sessionId());
                assertThat(p.getPreviousAdultId()).isEqualTo(was.staffId());
            }
        }
        assertThat(carried.placements()).isPositive();
        assertThat(carried.remembered()).isPositive().isLessThanOrEqualTo(carried.placements());
    }

    /**
     * A student who mastered the skill their small group worked on leaves that group (they may no longer work on
     * it) and keeps every other seat that still suits them.
     */
    @Test
    void aStudentWhoMasteredTheirGroupsSkillLeavesThatGroupOnly() {
        Plan before = yesterday();
        StudentDay mover = before.students().stream().filter(s -> s.blocks().stream().anyMatch(e ->
                "small-group".equals(e.modality()) && e.focus() != null)).findFirst().orElseThrow();
        StudentDay.Entry group = mover.blocks().stream().filter(e -> "small-group".equals(e.modality())
                && e.focus() != null).findFirst().orElseThrow();
        DayProblem mastered = org.regroup.solver.ProblemEditor.of(SMALL).student(mover.studentId(), s -> {
            s.mastery = new java.util.HashMap<>(s.mastery);
            s.mastery.put(group.focus().id(), 0.97);
        }).build();
        DayPlan today = DayPlanBuilder.build(mastered, "small");

        Continuity.from(before, today, Set.of(mover.studentId()));

        List<Placement> theirs = today.getPlacements().stream()
                .filter(p -> p.getLearner().getId().equals(mover.studentId())).toList();
        assertThat(theirs).filteredOn(p -> p.getPeriod().getId().equals(group.blockId()))
                .allSatisfy(p -> assertThat(p.getSession()).as("the mastered skill's group").isNull());
        assertThat(theirs).filteredOn(p -> !p.getPeriod().getId().equals(group.blockId()))
                .filteredOn(p -> entry(before, p).status() == StudentDay.Status.PLACED
                        && !"small-group".equals(entry(before, p).modality()))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.getSession().getId()).isEqualTo(entry(before, p).sessionId()));
    }

    private static StudentDay.Entry entry(Plan plan, Placement p) {
        return plan.students().stream().filter(s -> s.studentId().equals(p.getLearner().getId())).findFirst()
                .orElseThrow().blocks().stream().filter(e -> e.blockId().equals(p.getPeriod().getId())).findFirst()
                .orElseThrow();
    }

    @Test
    void aPlanReadBackFromItsJsonCarriesOverTheSame() throws Exception {
        Plan before = yesterday();
        Plan stored = org.regroup.domain.io.Json.mapper().readValue(
                org.regroup.domain.io.Json.mapper().writeValueAsString(before), Plan.class);

        Continuity.CarriedOver direct = Continuity.from(before, DayPlanBuilder.build(SMALL, "small"), Set.of());
        Continuity.CarriedOver read = Continuity.from(stored, DayPlanBuilder.build(SMALL, "small"), Set.of());

        assertThat(read).isEqualTo(direct);
    }

    /**
     * Under FULL_ASSERT every move's score is recomputed from scratch: the continuity rule reads the group's focus,
     * which changes when other students move, and must still be scored incrementally right.
     */
    @Test
    void aWarmReplanScoresIncrementallyRightUnderFullAssert() {
        Plan before = yesterday();
        String changed = before.students().get(3).studentId();
        DayPlan day = DayPlanBuilder.build(SMALL, "small");
        Continuity.from(before, day, Set.of(changed));

        DaySolver.Result r = DaySolver.solve(day, StepBounded.steps(3, 60)
                .withEnvironmentMode(ai.timefold.solver.core.config.solver.EnvironmentMode.FULL_ASSERT), p -> {
                });

        assertThat(r.plan().getScore()).isNotNull();
    }

    /**
     * The same day planned again, warm and cold, for the same number of steps: starting from yesterday and pricing
     * moves keeps far more students where they were. (How many still move depends on how much better the search can
     * make yesterday's plan for more than the rule's weight per move, so both get the same steps, not the same
     * seconds: seconds buy more steps on an idle machine than on a busy one.)
     */
    @Test
    void aWarmReplanMovesFarFewerStudentsThanAColdOne() {
        Plan before = yesterday();
        DayPlan warmDay = DayPlanBuilder.build(SMALL, "small");
        Continuity.from(before, warmDay, Set.of());

        Plan warm = PlanAssembler.assemble(DaySolver.solve(warmDay, StepBounded.steps(2, STEPS), p -> {
        }).plan());
        Plan cold = PlanAssembler.assemble(DaySolver.solve(DayPlanBuilder.build(SMALL, "small"),
                StepBounded.steps(2, STEPS), p -> {
                }).plan());

        Perturbations warmMoves = Perturbations.between(before, warm, Set.of(), Set.of());
        Perturbations coldMoves = Perturbations.between(before, cold, Set.of(), Set.of());
        assertThat(warm.feasible()).isTrue();
        assertThat(warmMoves.additional()).as(warmMoves + " vs cold " + coldMoves)
                .isLessThan(coldMoves.additional() / 2);
    }
}
