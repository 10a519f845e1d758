package org.regroup.solver.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.scenario.Change;
import org.regroup.domain.scenario.Scenario;
import org.regroup.domain.scenario.ScenarioChanges;
import org.regroup.solver.StepBounded;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.kpi.KpiCalculator;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.solve.DaySolver;

/**
 * Scenarios solved for real on the small demo day, each plan seeded and ended by a step count (not by the clock), so
 * every answer here is the same on a busy machine as on an idle one.
 */
class WhatIfTest {

    private static final DayProblem SMALL = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
    /** Local-search steps per plan (about two seconds' worth on an idle 2-core machine). */
    private static final int STEPS = 500;
    private static WhatIf whatIf;

    @BeforeAll
    static void start() {
        whatIf = new WhatIf(StepBounded.steps(1, STEPS), 2);
    }

    @AfterAll
    static void stop() {
        whatIf.close();
    }

    private static Scenario scenario(Scenario.FewestSearch fewest, Scenario.Variant... variants) {
        return new Scenario(Scenario.FORMAT, Scenario.VERSION, "test", "test", "small.json", "2s", List.of(variants),
                fewest);
    }

    @Test
    void variantsAreComparedWithTheBaseByTheSameKpiCode() {
        Scenario.Variant noTutor = new Scenario.Variant("no tutor", null, List.of(new Change.RemoveStaff("TU01")));
        List<String> progress = new ArrayList<>();

        Comparison c = whatIf.compare(scenario(null, noTutor), SMALL, p -> progress.add(p.name()));

        assertThat(progress).containsExactlyInAnyOrder("base", "no tutor");
        assertThat(c.base().name()).isEqualTo("base");
        assertThat(c.variants()).singleElement().satisfies(row -> {
            VariantResult v = row.result();
            assertThat(v.name()).isEqualTo("no tutor");
            // The same KPI code as a single plan: the plan's own KPIs, and a fresh computation of them.
            assertThat(v.kpis()).isEqualTo(v.plan().kpis());
            assertThat(v.staffCount()).isEqualTo(SMALL.staff().size() - 1);
            double tutorCost = SMALL.staff().stream().filter(s -> s.id().equals("TU01")).findFirst()
                    .map(Staff::costPerDay).orElseThrow();
            assertThat(c.base().staffCostPerDay() - v.staffCostPerDay()).isEqualTo(tutorCost);
            assertThat(row.versusBase().adultLoads()).anySatisfy(l -> {
                assertThat(l.staffId()).isEqualTo("TU01");
                assertThat(l.variant()).isNull();
            });
            assertThat(v.adultLoads()).doesNotContainKey("TU01");
        });
        assertThat(c.base().kpis().presentStudentBlocks()).isPositive();
    }

    /**
     * A variant that changes nothing starts from the base plan and stays on it: its differences from the base are
     * the change (none), not search noise. For scale, the same day searched separately from scratch with another seed
     * moves many student-blocks: what every variant showed before it started from the base plan.
     */
    @Test
    void aVariantThatChangesNothingEndsOnTheBasePlan() {
        Scenario.Variant same = new Scenario.Variant("same", null, List.of());
        Scenario.Variant noTutor = new Scenario.Variant("no tutor", null, List.of(new Change.RemoveStaff("TU01")));

        Comparison c = whatIf.compare(scenario(null, same, noTutor), SMALL, p -> {
        });

        int studentBlocks = c.base().kpis().presentStudentBlocks();
        VersusBase unchanged = c.variants().get(0).versusBase();
        assertThat(unchanged.movedStudentBlocks()).isEqualTo(
                org.regroup.domain.plan.PlanDiff.between(c.base().plan(), c.variants().get(0).result().plan())
                        .moves().size());
        assertThat(unchanged.movedStudentBlocks()).as("of %d student-blocks", studentBlocks)
                .isLessThanOrEqualTo(studentBlocks / 100);
        assertThat(c.variants().get(0).result().kpis().placedShare()).isEqualTo(c.base().kpis().placedShare());
        // The tutor's students had to move, and few others did.
        int tutorBlocks = c.base().adultLoads().get("TU01");
        assertThat(c.variants().get(1).versusBase().movedStudentBlocks()).isPositive()
                .isLessThan(studentBlocks / 4);
        int cold;
        try (WhatIf otherSeed = new WhatIf(StepBounded.steps(2, STEPS), 1)) {
            VariantResult separately = otherSeed.solveAll(java.util.Map.of("same", SMALL), java.util.Map.of(), false,
                    p -> {
                    }).get(0);
            cold = org.regroup.domain.plan.PlanDiff.between(c.base().plan(), separately.plan()).moves().size();
        }
        assertThat(cold).as("searched separately").isGreaterThan(10 * Math.max(1, unchanged.movedStudentBlocks()));
        System.out.printf("no-change variant: %d of %d student-blocks moved from the base plan warm, %d cold; "
                + "without %s (%d blocks with a group): %d moved%n", unchanged.movedStudentBlocks(), studentBlocks,
                cold, "TU01", tutorBlocks, c.variants().get(1).versusBase().movedStudentBlocks());
    }

    /**
     * A variant that adds an adult starts from the base plan but may move students to them freely: held to the base
     * plan by the "moved from their previous group" rule, a new teacher stayed idle in every such what-if, and the
     * principal read that a teacher more changes nothing.
     */
    @Test
    void anAddedTeacherGetsStudentsAndOnlyRemovalsHoldTheBasePlan() {
        Staff teacher = SMALL.staff().stream().filter(s -> s.role() == org.regroup.domain.StaffRole.TEACHER)
                .findFirst().orElseThrow();
        Staff another = new Staff(teacher.id() + "-new", "New teacher", teacher.role(), teacher.qualifications(),
                teacher.modalities(), null, teacher.maxTeachingBlocks(), teacher.maxStudents(), List.of(),
                teacher.maySuperviseOffSite(), teacher.costPerDay());
        Scenario.Variant more = new Scenario.Variant("one more teacher", null, List.of(new Change.AddStaff(another)));

        Comparison c = whatIf.compare(scenario(null, more), SMALL, p -> {
        });

        assertThat(c.variants().get(0).result().adultLoads().getOrDefault(another.id(), 0))
                .as("blocks the new teacher leads").isPositive();
        assertThat(WhatIf.onlyRemoves(more)).isFalse();
        assertThat(WhatIf.onlyRemoves(new Scenario.Variant("less", null, List.of(new Change.RemoveStaff("TU01"),
                new Change.CloseSpace("CR01", null))))).isTrue();
        assertThat(WhatIf.onlyRemoves(new Scenario.Variant("same", null, List.of()))).isTrue();
    }

    @Test
    void kpisOfAVariantAreThoseOfTheSolverPlanComputedDirectly() {
        DayPlan day = DayPlanBuilder.build(SMALL, "small");
        DayPlan best = DaySolver.solve(day, StepBounded.steps(1, STEPS), p -> {
        }).plan();

        VariantResult r = WhatIf.measure("base", null, SMALL, best, Duration.ofSeconds(1));

        assertThat(r.kpis()).isEqualTo(KpiCalculator.compute(best));
        assertThat(r.students()).isEqualTo(KpiCalculator.studentOutcomes(best));
        assertThat(r.workable()).isEqualTo(best.getScore().hardScore() == 0 && best.getScore().mediumScore() == 0);
    }

    @Test
    void aVariantThatCannotBePlannedIsNamedBeforeAnythingIsSolved() {
        Scenario.Variant bad = new Scenario.Variant("ghost", null, List.of(new Change.RemoveStaff("NOBODY")));

        assertThatThrownBy(() -> WhatIf.days(scenario(null, bad), SMALL)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).anySatisfy(err -> {
                    assertThat(err.path()).isEqualTo("$.variants[0].changes[0].staffId");
                    assertThat(err.message()).contains("ghost").contains("NOBODY");
                }));
    }

    /**
     * The small day with the specialist and tutor gone and four more aides: only teachers can then give 1:1 time and
     * certified advisory, so with too few teachers the day breaks a hard rule (an accommodation, a size cap) or leaves
     * students unplaced.
     */
    @Test
    void fewestSearchReturnsABoundaryWhereOneFewerIsNotEnough() {
        List<Change> setup = new ArrayList<>(List.of(new Change.RemoveStaff("SP01"), new Change.RemoveStaff("TU01")));
        for (int i = 2; i <= 5; i++) {
            setup.add(new Change.AddStaff(new Staff("A0" + i, null, StaffRole.AIDE, List.of(), null, null, null, 35,
                    List.of(), false, 180.0)));
        }
        DayProblem base = ScenarioChanges.apply(SMALL, new Scenario.Variant("setup", null, setup), 0);
        int teachers = (int) base.staff().stream().filter(s -> s.role() == StaffRole.TEACHER).count();

        Comparison c = whatIf.compare(scenario(new Scenario.FewestSearch(StaffRole.TEACHER, null)), base, p -> {
        });

        FewestResult f = c.fewest();
        assertThat(f.inBase()).isEqualTo(teachers);
        assertThat(f.fewest()).isNotNull().isBetween(1, teachers);
        assertThat(f.atFewest().honoursEveryAccommodation()).isTrue();
        // One fewer: either the day cannot be planned at all, or its plan fails someone.
        FewestResult.Tried fewer = f.tried().stream().filter(t -> t.kept() == f.fewest() - 1).findFirst()
                .orElseThrow();
        assertThat(fewer.honoursEveryAccommodation()).isFalse();
        if (f.oneFewer() != null) {
            VariantResult r = f.oneFewer();
            assertThat(r.unmetStudents() > 0 || !r.brokenRules().isEmpty()).as(r.score()).isTrue();
        } else {
            assertThat(fewer.note()).contains("cannot be planned");
        }
        // The search's removal order: least-used teachers first, and the answer removes exactly those.
        assertThat(f.removalOrder()).hasSize(teachers);
        assertThat(f.atFewest().staffCount()).isEqualTo(base.staff().size() - (teachers - f.fewest()));
    }
}
