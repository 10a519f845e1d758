package org.regroup.solver.replan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.PlanDiff;
import org.regroup.solver.StepBounded;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.explain.Alternatives;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Placement;
import org.regroup.solver.output.PlanAssembler;
import org.regroup.solver.solve.DaySolver;

/** A teacher's override: the pinned student stays put, nobody moves earlier, and few others move at all. */
class OverrideReplanTest {

    private static final DayProblem SMALL = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
    private static final int STEPS = 250;

    private static DayPlan solved;

    /** The small day solved once for every test here (none changes it: overrides rebuild the day). */
    private static synchronized DayPlan solved() {
        if (solved == null) {
            solved = DaySolver.solve(DayPlanBuilder.build(SMALL, "small"), StepBounded.steps(1, STEPS), p -> {
            }).plan();
        }
        return solved;
    }

    /** A placed student-block in the third block with somewhere else to go, and the first alternative. */
    private static Pin aPin(DayPlan day) {
        String third = day.getPeriods().get(2).getId();
        for (Placement p : day.getPlacements()) {
            if (p.getPeriod().getId().equals(third) && p.getSession() != null && !p.getSession().isCatchAll()) {
                List<Alternatives.Option> options = Alternatives.of(Explainer.solutionManager(), day,
                        p.getLearner().getId(), third, 1);
                if (!options.isEmpty()) {
                    return new Pin(p.getLearner().getId(), third, options.get(0).session().getId(), "why", "T01");
                }
            }
        }
        throw new AssertionError("no student in " + third + " with an alternative");
    }

    @Test
    void theOverrideHoldsNobodyMovesInAnEarlierBlockAndFewOthersMove() {
        DayPlan day = solved();
        Plan base = PlanAssembler.assemble(day);
        Pin pin = aPin(day);
        DayPlan revised = DayPlanBuilder.build(SMALL, "override");
        var school = revised.getConstraintWeightOverrides();

        List<OverrideReplan.Dropped> dropped = OverrideReplan.prepare(base, revised, List.of(pin), pin.blockId());
        DayPlan solvedAgain = DaySolver.solve(revised, StepBounded.steps(1, STEPS), p -> {
        }).plan();
        Plan after = PlanAssembler.assemble(OverrideReplan.rescored(solvedAgain, school, Explainer.solutionManager()));

        assertThat(dropped).isEmpty();
        assertThat(after.students().stream().filter(s -> s.studentId().equals(pin.studentId()))
                .flatMap(s -> s.blocks().stream()).filter(e -> e.blockId().equals(pin.blockId())).findFirst()
                .orElseThrow().sessionId()).isEqualTo(pin.sessionId());
        PlanDiff diff = PlanDiff.between(base, after);
        List<String> blocks = day.getPeriods().stream().map(p -> p.getId()).toList();
        assertThat(diff.movesIn(new HashSet<>(blocks.subList(0, 2)))).as("moves %s", diff.moves()).isFalse();
        assertThat(diff.studentsMoved(pin.studentId())).as("other students moved: %s", diff.moves()).hasSizeLessThan(4);
        assertThat(after.violations()).as("moves are soft for readers").noneMatch(v -> v.rule()
                .equals(Rules.MOVED_FROM_PREVIOUS));
    }

    @Test
    void earlierBlocksArePinnedAndMovesArePricedAboveAnySoftGain() {
        DayPlan day = solved();
        Pin pin = aPin(day);
        DayPlan revised = DayPlanBuilder.build(SMALL, "override");

        OverrideReplan.prepare(PlanAssembler.assemble(day), revised, List.of(pin), pin.blockId());

        assertThat(revised.getConstraintWeightOverrides().getConstraintWeight(Rules.MOVED_FROM_PREVIOUS))
                .as("moves outrank an owed block while the override is re-planned")
                .isEqualTo(ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore
                        .ofMedium(OverrideReplan.MOVE_WEIGHT));
        List<String> before = OverrideReplan.blocksBefore(revised, pin.blockId());
        assertThat(before).hasSize(2);
        for (Placement p : revised.getPlacements()) {
            boolean earlier = before.contains(p.getPeriod().getId());
            boolean theOverride = p.getLearner().getId().equals(pin.studentId())
                    && p.getPeriod().getId().equals(pin.blockId());
            assertThat(p.isPinned()).as(p.toString()).isEqualTo(earlier || theOverride);
            if (p.getLearner().getId().equals(pin.studentId()) && !earlier && !theOverride) {
                assertThat(p.getPreviousAdultId()).as("the student overridden may move later in the day").isNull();
            }
        }
    }

    @Test
    void aPinWhoseSessionNoLongerRunsIsDroppedWithWhy() {
        DayPlan revised = DayPlanBuilder.build(SMALL, "small");
        String block = revised.getPeriods().get(0).getId();
        String student = revised.getPlacements().stream().filter(p -> p.getPeriod().getId().equals(block))
                .findFirst().orElseThrow().getLearner().getId();

        List<OverrideReplan.Dropped> dropped = OverrideReplan.apply(revised, List.of(
                new Pin(student, block, "NOBODY@" + block, null, null),
                new Pin("NO-SUCH-STUDENT", block, "T01@" + block, null, null)));

        assertThat(dropped).extracting(d -> d.pin().studentId()).containsExactly(student, "NO-SUCH-STUDENT");
        assertThat(dropped.get(0).why()).contains("NOBODY@" + block);
        assertThat(dropped.get(1).why()).contains("not in school");
    }

    @Test
    void aNewerPinOfTheSameSeatReplacesTheOlder() {
        Pin older = new Pin("S1", "B3", "T01@B3", "first", null);
        Pin other = new Pin("S2", "B3", "T01@B3", null, null);
        Pin newer = new Pin("S1", "B3", "T02@B3", "second", null);

        assertThat(OverrideReplan.with(List.of(older, other), newer)).containsExactly(other, newer);
    }

    @Test
    void noAlternativeBreaksAHardRule() {
        DayPlan day = solved();
        for (Placement p : day.getPlacements().stream().filter(x -> x.getSession() != null).limit(4).toList()) {
            for (Alternatives.Option o : Alternatives.of(Explainer.solutionManager(), day, p.getLearner().getId(),
                    p.getPeriod().getId(), null)) {
                if (day.getScore().hardScore() == 0) {
                    assertThat(o.change().hardScore()).as(o.toString()).isZero();
                }
                assertThat(o.studentCost().add(o.groupCost())).isEqualTo(o.change());
                assertThat(o.session().getId()).isNotEqualTo(p.getSession().getId());
            }
        }
    }
}
