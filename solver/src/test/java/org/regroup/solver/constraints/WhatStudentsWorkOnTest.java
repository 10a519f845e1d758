package org.regroup.solver.constraints;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.regroup.solver.constraints.Justifications.NotReady;
import org.regroup.solver.constraints.Justifications.TooAdvanced;

class WhatStudentsWorkOnTest {

    private final ConstraintVerifier<RegroupConstraintProvider, DayPlan> verifier = ConstraintVerifier.build(
            new RegroupConstraintProvider(), DayPlan.class, DayPlan.ENTITY_CLASSES);

    @Test
    void groupOnASkillEveryoneIsReadyForHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t = day.teacher("T1");
        Room r = day.room("R1", 25);
        Session s = day.session(t, day.b1, "small-group", r);
        for (int i = 0; i < 4; i++) {
            day.place(day.student("S" + i).ready(nf1).build(), s);
        }
        verifier.verifyThat(RegroupConstraintProvider::skillNotReady).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void studentNotReadyForTheGroupsSkillBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Focus nf2 = day.skill("NF2");
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25));
        for (int i = 0; i < 4; i++) {
            day.place(day.student("S" + i).ready(nf1).build(), s);
        }
        Learner notReady = day.student("X").ready(nf2).build();
        day.place(notReady, s);
        verifier.verifyThat(RegroupConstraintProvider::skillNotReady).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(1);
    }

    // ---- ready set ----

    @Test
    void twoStudentsNotReadyInAGroupOfSixBreaksByTwo() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Focus nf2 = day.skill("NF2");
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25));
        for (int i = 0; i < 4; i++) {
            day.place(day.student("S" + i).ready(nf1).build(), s);
        }
        // the majority is ready for NF1, so the group works on NF1; the two NF2 students are not ready for it
        day.place(day.student("X1").ready(nf2).build(), s);
        day.place(day.student("X2").ready(nf2).build(), s);
        verifier.verifyThat(RegroupConstraintProvider::skillNotReady).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(2);
    }

    @Test
    void notReadyStudentIsNamedInTheReason() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Focus nf2 = day.skill("NF2");
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25));
        for (int i = 0; i < 3; i++) {
            day.place(day.student("S" + i).ready(nf1).build(), s);
        }
        day.place(day.student("X").ready(nf2).build(), s);
        verifier.verifyThat(RegroupConstraintProvider::skillNotReady).givenSolution(day.plan())
                .settingAllShadowVariables()
                .justifiesWith(new NotReady("T1@B1", "B1", "Skill NF1", List.of("X")))
                .penalizesBy(1);
    }

    @Test
    void onlinePracticeEachOnTheirOwnReadySkillHolds() {
        Day day = new Day();
        Session s = day.session(day.aide("A1"), day.b1, "online-practice", day.room("LAB", 30, "computers"));
        // individual modality: nobody shares a skill, and nobody has to
        day.place(day.student("S1").ready(day.skill("NF1")).build(), s);
        day.place(day.student("S2").ready(day.skill("NF2")).build(), s);
        day.place(day.student("S3").ready(day.skill("G1")).build(), s);
        verifier.verifyThat(RegroupConstraintProvider::skillNotReady).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void studentWithNothingReadyInOnlinePracticeBreaks() {
        Day day = new Day();
        Session s = day.session(day.aide("A1"), day.b1, "online-practice", day.room("LAB", 30, "computers"));
        day.place(day.student("S1").ready(day.skill("NF1")).build(), s);
        // no ready skill at all (everything mastered or locked): nothing here is right for them
        day.place(day.student("X").build(), s);
        verifier.verifyThat(RegroupConstraintProvider::skillNotReady).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(1);
    }

    @Test
    void tooAdvancedStudentIsNotAlsoCountedAsNotReady() {
        Day day = new Day();
        Focus trig = day.skill("TRIG", 9, 3);
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25));
        for (int i = 0; i < 3; i++) {
            day.place(day.student("S" + i).grade(9).ready(trig).build(), s);
        }
        day.place(day.student("SIXTH").grade(6).tooAdvanced(trig).build(), s);
        verifier.verifyThat(RegroupConstraintProvider::skillNotReady).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    // ---- grade reach ----

    @Test
    void studentOneGradeUpHolds() {
        Day day = new Day();
        Focus g4 = day.skill("G4", 4, 1);
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25));
        for (int i = 0; i < 3; i++) {
            day.place(day.student("S" + i).grade(4).ready(g4).build(), s);
        }
        // a third grader on a 4th-grade skill: one grade up is within reach
        day.place(day.student("THIRD").grade(3).ready(g4).build(), s);
        verifier.verifyThat(RegroupConstraintProvider::skillTooAdvanced).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void studentWhoseGoalAsksForAnAdvancedSkillHolds() {
        Day day = new Day();
        Focus trig = day.skill("TRIG", 9, 3);
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25));
        for (int i = 0; i < 3; i++) {
            day.place(day.student("S" + i).grade(9).ready(trig).build(), s);
        }
        // the sixth grader set trigonometry as their own goal
        day.place(day.student("SIXTH").grade(6).goal(trig, 3).build(), s);
        verifier.verifyThat(RegroupConstraintProvider::skillTooAdvanced).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void sixthGraderInATrigonometryGroupBreaks() {
        Day day = new Day();
        Focus trig = day.skill("TRIG", 9, 3);
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25));
        for (int i = 0; i < 3; i++) {
            day.place(day.student("S" + i).grade(9).ready(trig).build(), s);
        }
        day.place(day.student("SIXTH").grade(6).tooAdvanced(trig).build(), s);
        verifier.verifyThat(RegroupConstraintProvider::skillTooAdvanced).givenSolution(day.plan())
                .settingAllShadowVariables()
                .justifiesWith(new TooAdvanced("T1@B1", "B1", "Skill TRIG", List.of("SIXTH")))
                .penalizesBy(1);
    }

    @Test
    void wholeGroupTooAdvancedBreaksOncePerStudent() {
        Day day = new Day();
        Focus trig = day.skill("TRIG", 9, 3);
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25));
        for (int i = 0; i < 3; i++) {
            day.place(day.student("S" + i).grade(6).tooAdvanced(trig).build(), s);
        }
        verifier.verifyThat(RegroupConstraintProvider::skillTooAdvanced).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(3);
    }

    @Test
    void onlinePracticeOnATooAdvancedSkillBreaks() {
        Day day = new Day();
        Session s = day.session(day.aide("A1"), day.b1, "online-practice", day.room("LAB", 30, "computers"));
        day.place(day.student("S1").ready(day.skill("NF1")).build(), s);
        // working alone, the student's only option is two grades up
        day.place(day.student("SIXTH").grade(6).tooAdvanced(day.skill("TRIG", 9, 3)).build(), s);
        verifier.verifyThat(RegroupConstraintProvider::skillTooAdvanced).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(1);
    }
}
