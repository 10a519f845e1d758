package org.regroup.solver;

import org.regroup.domain.Accommodations;
import org.regroup.domain.DayProblem;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Session;

/**
 * A day with more staff-led and 1:1 needs than its adults can serve, planned by hand the way a desperate plan does
 * it: by breaking caps. {@link TestDays#tiny()} with T1 capped at 8 students at once; S01–S05 need 2 staff-led blocks
 * (S05 already did), S13–S17 need 45 minutes of 1:1 (one block).
 *
 * <pre>
 * B2  T1 small-group   R1:  S01–S06 S08–S12   11 students, T1's cap is 8: Staff over student cap
 *     U1 one-to-one    Q1:  S13               fine: S13's 1:1 is met
 * B3  T1 small-group   R1:  S01–S06           fine
 *     U1 one-to-one    Q1:  S14–S18           a "1:1" of five: Group over size cap, Staff over student cap
 * B4  A1 independent   LAB: S01–S04           not staff-led
 * </pre>
 *
 * Every other student-block is unplaced (medium only). The accommodations' own rules are all satisfied (S01–S05 have
 * two staff-led blocks, S14–S17 45 minutes of one-to-one), yet only the B3 group and S13's session deliver anything:
 * S01–S05 get 1 staff-led block of their 2, S14–S17 no 1:1 time.
 */
public final class CrunchDay {

    private CrunchDay() {
    }

    public static DayProblem problem() {
        Accommodations twoStaffLed = new Accommodations(2, null, false, false, null);
        Accommodations oneToOne = new Accommodations(null, 45, false, false, null);
        ProblemEditor day = ProblemEditor.of(TestDays.tiny()).staff("T1", t -> t.maxStudents = 8);
        for (String s : new String[] { "S01", "S02", "S03", "S04" }) {
            day.student(s, e -> e.accommodations = twoStaffLed);
        }
        for (String s : new String[] { "S13", "S14", "S15", "S16", "S17" }) {
            day.student(s, e -> e.accommodations = oneToOne);
        }
        return day.pseudonyms().build();
    }

    /** The plan above, with shadow variables and score brought up to date. */
    public static DayPlan plan() {
        DayPlan plan = DayPlanBuilder.build(problem(), "crunch");
        HandMadeDay.assign(plan, "T1@B2", "small-group", "R1", "S01 S02 S03 S04 S05 S06 S08 S09 S10 S11 S12");
        HandMadeDay.assign(plan, "U1@B2", "one-to-one", "Q1", "S13");
        HandMadeDay.assign(plan, "T1@B3", "small-group", "R1", "S01 S02 S03 S04 S05 S06");
        HandMadeDay.assign(plan, "U1@B3", "one-to-one", "Q1", "S14 S15 S16 S17 S18");
        HandMadeDay.assign(plan, "A1@B4", "independent-practice", "LAB", "S01 S02 S03 S04");
        for (Session s : plan.getSessions()) {
            if (s.getMode() == null) {
                s.setMode(s.getAllowedModes().get(0));
            }
        }
        Explainer.solutionManager().update(plan);
        return plan;
    }
}
