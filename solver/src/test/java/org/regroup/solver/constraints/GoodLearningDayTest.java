package org.regroup.solver.constraints;

import java.time.LocalTime;
import java.util.function.BiFunction;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import ai.timefold.solver.test.api.score.stream.SingleConstraintAssertion;
import org.junit.jupiter.api.Test;
import org.regroup.domain.BlockKind;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * Soft rules about the learning itself: goals, urgency, modality fit and variety, repeats, mastery spread, interests
 * and equity. (Rules about people, requests and staff are in {@link GoodDayTest}.)
 */
class GoodLearningDayTest {

    private final ConstraintVerifier<RegroupConstraintProvider, DayPlan> verifier = ConstraintVerifier.build(
            new RegroupConstraintProvider(), DayPlan.class, DayPlan.ENTITY_CLASSES);

    // ------------------------------------------------------------------------------------------------------------
    // Goal skill not chosen
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void groupWorkingOnEveryonesGoalHolds() {
        Day day = new Day();
        Focus goal = day.skill("G");
        Focus other = day.skill("N");
        Session s = smallGroup(day, day.b1);
        for (int i = 0; i < 3; i++) {
            day.place(day.student("S" + i).goal(goal, 2).ready(other).build(), s);
        }
        verify(RegroupConstraintProvider::goalMissed, day).hasNoImpact();
    }

    @Test
    void studentWithAGoalWorkingOnItAloneOnlineHolds() {
        Day day = new Day();
        Focus goal = day.skill("G");
        Focus other = day.skill("N");
        Session lab = day.session(day.teacher("T1"), day.b1, "online-practice", day.room("LAB", 30, "computers"));
        // Online practice is individual: each student works on their own best option, here her goal.
        day.place(day.student("ANA").goal(goal, 3).ready(other).build(), lab);
        day.place(day.student("BEN").ready(other, 0.5).build(), lab);
        verify(RegroupConstraintProvider::goalMissed, day).hasNoImpact();
    }

    @Test
    void readyGoalSkippedForTheGroupsSkillBreaks() {
        Day day = new Day();
        Focus goal = day.skill("G");
        Focus other = day.skill("N");
        Session s = smallGroup(day, day.b1);
        placeReadyStudents(day, s, other, 3); // the group works on N
        day.place(day.student("ANA").goal(goal, 3).ready(other).build(), s);
        // ANA's priority-1 goal (value 3) is ready but she works on N (value 0).
        verify(RegroupConstraintProvider::goalMissed, day).penalizesBy(3);
    }

    @Test
    void skippedGoalsAddUpByPriorityBreaks() {
        Day day = new Day();
        Focus goal = day.skill("G");
        Focus minorGoal = day.skill("H");
        Focus other = day.skill("N");
        Session s = smallGroup(day, day.b1);
        placeReadyStudents(day, s, other, 3);
        day.place(day.student("ANA").goal(goal, 3).ready(other).build(), s);
        day.place(day.student("BEN").goal(minorGoal, 1).ready(other).build(), s);
        // ANA misses a priority-1 goal (3), BEN a priority-3 goal (1).
        verify(RegroupConstraintProvider::goalMissed, day).penalizesBy(4);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Less urgent skill chosen
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void groupOnTheSkillThatUnlocksMostHolds() {
        Day day = new Day();
        Focus key = day.skill("KEY", 3, 5);
        Focus side = day.skill("SIDE", 3, 1);
        Session s = smallGroup(day, day.b1);
        for (int i = 0; i < 3; i++) {
            day.place(day.student("S" + i).ready(key).ready(side).build(), s);
        }
        verify(RegroupConstraintProvider::lessUrgent, day).hasNoImpact();
    }

    @Test
    void goalComesBeforeUrgencyHolds() {
        Day day = new Day();
        Focus goal = day.skill("G", 3, 1);
        Focus key = day.skill("KEY", 3, 5);
        Session s = smallGroup(day, day.b1);
        placeReadyStudents(day, s, goal, 3);
        // ANA could work on KEY (unlocks 5) but works on her goal (unlocks 1): her goal is her best option.
        day.place(day.student("ANA").goal(goal, 2).ready(key).build(), s);
        verify(RegroupConstraintProvider::lessUrgent, day).hasNoImpact();
    }

    @Test
    void skillThatUnlocksLessChosenBreaks() {
        Day day = new Day();
        Focus key = day.skill("KEY", 3, 5);
        Focus side = day.skill("SIDE", 3, 1);
        Session s = smallGroup(day, day.b1);
        placeReadyStudents(day, s, side, 3); // the group works on SIDE
        day.place(day.student("ANA").ready(key).ready(side).build(), s);
        // ANA is on SIDE (unlocks 1) while KEY (unlocks 5) is ready: 4 skills of difference.
        verify(RegroupConstraintProvider::lessUrgent, day).penalizesBy(4);
    }

    @Test
    void urgencyGapIsCappedAtTwentyPerStudentBreaks() {
        Day day = new Day();
        Focus gateway = day.skill("GATEWAY", 3, 40);
        Focus side = day.skill("SIDE", 3, 1);
        Session s = smallGroup(day, day.b1);
        placeReadyStudents(day, s, side, 3);
        day.place(day.student("ANA").ready(gateway).ready(side).build(), s);
        // 39 skills of difference, capped at 20.
        verify(RegroupConstraintProvider::lessUrgent, day).penalizesBy(20);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Modality does not suit skill state
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void newAndPractisingStudentsInSmallGroupInstructionHold() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = smallGroup(day, day.b1);
        day.place(day.student("S1").ready(nf1, 0.1).build(), s); // new
        day.place(day.student("S2").ready(nf1, 0.4).build(), s); // practising
        day.place(day.student("S3").ready(nf1, 0.5).build(), s); // practising
        verify(RegroupConstraintProvider::stateMisfit, day).hasNoImpact();
    }

    @Test
    void nearMasteryStudentInInstructionBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = smallGroup(day, day.b1);
        day.place(day.student("S1").ready(nf1, 0.1).build(), s);
        day.place(day.student("S2").ready(nf1, 0.2).build(), s);
        day.place(day.student("S3").ready(nf1, 0.4).build(), s);
        // Near mastery (0.7) suits independent work or a seminar, not small-group instruction.
        day.place(day.student("ANA").ready(nf1, 0.7).build(), s);
        verify(RegroupConstraintProvider::stateMisfit, day).penalizesBy(1);
    }

    @Test
    void brandNewSkillInOnlinePracticeBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session lab = day.session(day.teacher("T1"), day.b1, "online-practice", day.room("LAB", 30, "computers"));
        day.place(day.student("ANA").ready(nf1, 0.1).build(), lab);
        day.place(day.student("BEN").ready(nf1, 0.2).build(), lab);
        day.place(day.student("CAL").ready(nf1, 0.5).build(), lab); // practising: online suits them
        verify(RegroupConstraintProvider::stateMisfit, day).penalizesBy(2);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Modality the student avoids
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void studentWhoAvoidsOnlineInASmallGroupHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = smallGroup(day, day.b1);
        day.place(day.student("ANA").ready(nf1).avoids("online-practice").build(), s);
        placeReadyStudents(day, s, nf1, 2);
        verify(RegroupConstraintProvider::modalityAvoided, day).hasNoImpact();
    }

    @Test
    void studentsPutInTheModalityTheyAvoidBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session lab = day.session(day.teacher("T1"), day.b1, "online-practice", day.room("LAB", 30, "computers"));
        day.place(day.student("ANA").ready(nf1, 0.5).avoids("online-practice").build(), lab);
        day.place(day.student("BEN").ready(nf1, 0.5).avoids("online-practice").build(), lab);
        day.place(day.student("CAL").ready(nf1, 0.5).avoids("seminar").build(), lab);
        verify(RegroupConstraintProvider::modalityAvoided, day).penalizesBy(2);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Modality not among student's preferences
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void studentInAPreferredModalityHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = smallGroup(day, day.b1);
        day.place(day.student("ANA").ready(nf1).prefers("small-group").prefers("seminar").build(), s);
        placeReadyStudents(day, s, nf1, 2); // no preferences: anything suits them
        verify(RegroupConstraintProvider::modalityNotPreferred, day).hasNoImpact();
    }

    @Test
    void studentWhoPrefersOtherModalitiesBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = smallGroup(day, day.b1);
        day.place(day.student("ANA").ready(nf1).prefers("one-to-one").build(), s);
        day.place(day.student("BEN").ready(nf1).prefers("small-group").build(), s);
        placeReadyStudents(day, s, nf1, 2);
        verify(RegroupConstraintProvider::modalityNotPreferred, day).penalizesBy(1);
    }

    @Test
    void avoidedModalityIsNotAlsoCountedAsNotPreferredHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session lab = day.session(day.teacher("T1"), day.b1, "online-practice", day.room("LAB", 30, "computers"));
        // Already penalised by "Modality the student avoids"; not a second time here.
        day.place(day.student("ANA").ready(nf1, 0.5).prefers("small-group").avoids("online-practice").build(), lab);
        verify(RegroupConstraintProvider::modalityNotPreferred, day).hasNoImpact();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Same modality all day
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void skillBlocksInDifferentModalitiesHold() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t = day.teacher("T1");
        Room lab = day.room("LAB", 30, "computers");
        Learner ana = day.student("ANA").ready(nf1, 0.4).build();
        day.place(ana, day.session(t, day.b1, "online-practice", lab));
        day.place(ana, day.session(t, day.b2, "small-group", lab));
        day.place(ana, day.session(t, day.b3, "online-practice", lab));
        verify(RegroupConstraintProvider::sameModalityAllDay, day).hasNoImpact();
    }

    @Test
    void onlyTwoSkillBlocksInOneModalityHold() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t = day.teacher("T1");
        Room lab = day.room("LAB", 30, "computers");
        Learner ana = day.student("ANA").ready(nf1, 0.4).absentFrom(day.b3).build();
        day.place(ana, day.session(t, day.b1, "online-practice", lab));
        day.place(ana, day.session(t, day.b2, "online-practice", lab));
        // Advisory is not a skill block and does not make a third (even in the same modality).
        day.place(ana, day.session(day.teacher("T2"), day.adv, "online-practice", day.room("R2", 25)));
        verify(RegroupConstraintProvider::sameModalityAllDay, day).hasNoImpact();
    }

    @Test
    void everySkillBlockOnlineBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t = day.teacher("T1");
        Room lab = day.room("LAB", 30, "computers");
        Session[] online = { day.session(t, day.b1, "online-practice", lab),
                day.session(t, day.b2, "online-practice", lab), day.session(t, day.b3, "online-practice", lab) };
        Session advisory = day.session(day.teacher("T2"), day.adv, "seminar", day.room("R2", 25));
        for (String id : new String[] { "ANA", "BEN" }) {
            Learner learner = day.student(id).ready(nf1, 0.4).build();
            for (Session s : online) {
                day.place(learner, s);
            }
            day.place(learner, advisory); // a different modality outside skill blocks does not break the run
        }
        // One match per student.
        verify(RegroupConstraintProvider::sameModalityAllDay, day).penalizesBy(2);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Same skill twice in a row
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void differentSkillsBackToBackHold() {
        Day day = new Day();
        Focus fractions = day.skill("FR", 3, 2);
        Focus decimals = day.skill("DE", 3, 1);
        Adult t = day.teacher("T1");
        Room r = day.room("R1", 25);
        Learner ana = day.student("ANA").ready(fractions).ready(decimals).build();
        day.place(ana, day.session(t, day.b1, "small-group", r)); // alone: her best, FR
        Session decimalsGroup = day.session(t, day.b2, "small-group", r);
        day.place(ana, decimalsGroup);
        placeReadyStudents(day, decimalsGroup, decimals, 2); // the group works on DE
        day.place(ana, day.session(t, day.b3, "small-group", r)); // FR again, but not right after FR
        verify(RegroupConstraintProvider::sameSkillTwice, day).hasNoImpact();
    }

    @Test
    void sameSkillAcrossADoubleBlockHolds() {
        Day day = new Day();
        Period doubleB1 = day.replace(day.b1, new Period("B1", 0, LocalTime.of(9, 0), LocalTime.of(9, 45),
                BlockKind.SKILLS, "math", true, Integer.MAX_VALUE, 5));
        Focus nf1 = day.skill("NF1");
        Adult t = day.teacher("T1");
        Room r = day.room("R1", 25);
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(t, doubleB1, "small-group", r));
        day.place(ana, day.session(t, day.b2, "small-group", r));
        verify(RegroupConstraintProvider::sameSkillTwice, day).hasNoImpact();
    }

    @Test
    void sameSkillWithABlockAwayBetweenHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t = day.teacher("T1");
        Room r = day.room("R1", 25);
        Learner ana = day.student("ANA").ready(nf1).absentFrom(day.b2).build(); // at speech therapy in B2
        day.place(ana, day.session(t, day.b1, "small-group", r));
        day.place(ana, day.session(t, day.b3, "small-group", r));
        verify(RegroupConstraintProvider::sameSkillTwice, day).hasNoImpact();
    }

    @Test
    void sameSkillInConsecutiveBlocksBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t = day.teacher("T1");
        Room r = day.room("R1", 25);
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(t, day.b1, "small-group", r));
        day.place(ana, day.session(t, day.b2, "small-group", r));
        verify(RegroupConstraintProvider::sameSkillTwice, day).penalizesBy(1);
    }

    @Test
    void sameSkillAllMorningBreaksTwice() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t = day.teacher("T1");
        Room r = day.room("R1", 25);
        Learner ana = day.student("ANA").ready(nf1, 0.4).build();
        day.place(ana, day.session(t, day.b1, "small-group", r));
        day.place(ana, day.session(t, day.b2, "online-practice", day.room("LAB", 30, "computers")));
        day.place(ana, day.session(t, day.b3, "small-group", r));
        // B1→B2 and B2→B3 are both repeats, whatever the modality.
        verify(RegroupConstraintProvider::sameSkillTwice, day).penalizesBy(2);
    }

    @Test
    void doubleBlockExcusesOnlyItsOwnPairBreaks() {
        Day day = new Day();
        Period doubleB1 = day.replace(day.b1, new Period("B1", 0, LocalTime.of(9, 0), LocalTime.of(9, 45),
                BlockKind.SKILLS, "math", true, Integer.MAX_VALUE, 5));
        Focus nf1 = day.skill("NF1");
        Adult t = day.teacher("T1");
        Room r = day.room("R1", 25);
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(t, doubleB1, "small-group", r));
        day.place(ana, day.session(t, day.b2, "small-group", r));
        day.place(ana, day.session(t, day.b3, "small-group", r)); // B2 is not a double block
        verify(RegroupConstraintProvider::sameSkillTwice, day).penalizesBy(1);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Group mixed in mastery
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void groupSpanningTwentyPointsHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = smallGroup(day, day.b1);
        day.place(day.student("S1").ready(nf1, 0.30).build(), s);
        day.place(day.student("S2").ready(nf1, 0.40).build(), s);
        day.place(day.student("S3").ready(nf1, 0.50).build(), s);
        verify(RegroupConstraintProvider::mixedMastery, day).hasNoImpact();
    }

    @Test
    void studentsPractisingOnTheirOwnMayDifferHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session lab = day.session(day.teacher("T1"), day.b1, "online-practice", day.room("LAB", 30, "computers"));
        // No shared lesson online: a 60-point spread does not matter.
        day.place(day.student("S1").ready(nf1, 0.30).build(), lab);
        day.place(day.student("S2").ready(nf1, 0.90).build(), lab);
        verify(RegroupConstraintProvider::mixedMastery, day).hasNoImpact();
    }

    @Test
    void groupSpanningThirtyFivePointsBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = smallGroup(day, day.b1);
        day.place(day.student("S1").ready(nf1, 0.10).build(), s);
        day.place(day.student("S2").ready(nf1, 0.30).build(), s);
        day.place(day.student("S3").ready(nf1, 0.45).build(), s);
        // 35 points, 15 beyond the 20 tolerated.
        verify(RegroupConstraintProvider::mixedMastery, day).penalizesBy(15);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Activity outside student's interests
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void activityMatchingEveryonesInterestsHolds() {
        Day day = new Day();
        day.activity("robotics", "robots", "engineering");
        day.activity("garden", "nature");
        Session s = day.session(day.teacher("T1"), day.act, "collaborative-project", day.room("MAKER", 25));
        day.place(day.student("S1").interests("robots").build(), s);
        day.place(day.student("S2").interests("engineering").build(), s);
        day.place(day.student("S3").interests("robots", "nature").build(), s);
        verify(RegroupConstraintProvider::interestMissed, day).hasNoImpact();
    }

    @Test
    void skillGroupIsNotJudgedByInterestsHolds() {
        Day day = new Day();
        day.activity("robotics", "robots");
        Focus nf1 = day.skill("NF1");
        Session s = smallGroup(day, day.b1);
        for (int i = 0; i < 3; i++) {
            day.place(day.student("S" + i).ready(nf1).interests("music").build(), s);
        }
        verify(RegroupConstraintProvider::interestMissed, day).hasNoImpact();
    }

    @Test
    void studentWithOtherInterestsInTheActivityBreaks() {
        Day day = new Day();
        day.activity("robotics", "robots");
        day.activity("garden", "nature");
        Session s = day.session(day.teacher("T1"), day.act, "collaborative-project", day.room("MAKER", 25));
        for (int i = 0; i < 3; i++) {
            day.place(day.student("S" + i).interests("robots").build(), s); // the group does robotics
        }
        day.place(day.student("ANA").interests("nature").build(), s);
        day.place(day.student("BEN").build(), s); // no interests recorded
        verify(RegroupConstraintProvider::interestMissed, day).penalizesBy(2);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Student behind grade level without staff-led time
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void behindStudentInSmallGroupInstructionHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = smallGroup(day, day.b1);
        day.place(day.student("ANA").ready(nf1).behind().build(), s);
        placeReadyStudents(day, s, nf1, 2);
        // On-level students may practise on their own.
        Session lab = day.session(day.teacher("T2"), day.b1, "online-practice", day.room("LAB", 30, "computers"));
        day.place(day.student("BEN").ready(nf1, 0.5).build(), lab);
        verify(RegroupConstraintProvider::behindUnsupervised, day).hasNoImpact();
    }

    @Test
    void behindStudentsPractisingOnlineBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session lab = day.session(day.teacher("T1"), day.b1, "online-practice", day.room("LAB", 30, "computers"));
        day.place(day.student("ANA").ready(nf1, 0.5).behind().build(), lab);
        day.place(day.student("BEN").ready(nf1, 0.5).behind().build(), lab);
        day.place(day.student("CAL").ready(nf1, 0.5).build(), lab);
        verify(RegroupConstraintProvider::behindUnsupervised, day).penalizesBy(2);
    }

    @Test
    void behindStudentInTheCatchAllBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session catchAll = day.catchAll(day.b1, day.room("CAFE", 60), 60);
        day.place(day.student("ANA").ready(nf1, 0.5).behind().build(), catchAll);
        verify(RegroupConstraintProvider::behindUnsupervised, day).penalizesBy(1);
    }

    @Test
    void studentsTaughtInASmallGroupOrInAdvisoryHold() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = smallGroup(day, day.b1);
        placeReadyStudents(day, s, nf1, 3);
        // Independent work outside skill blocks (advisory) and the catch-all are not counted here.
        Session advisory = day.session(day.teacher("T2"), day.adv, "seminar", day.room("R2", 25));
        day.place(day.student("ADV").build(), advisory);
        Session catchAll = day.catchAll(day.b2, day.room("CAFE", 60), 60);
        day.place(day.student("CAF").ready(nf1).build(), catchAll);
        verify(RegroupConstraintProvider::practisingAlone, day).hasNoImpact();
    }

    @Test
    void studentsInOnlineAndIndependentPracticeBreakOncePerStudent() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session lab = day.session(day.teacher("T1"), day.b1, "online-practice", day.room("LAB", 30, "computers"));
        day.place(day.student("ANA").ready(nf1, 0.5).build(), lab);
        day.place(day.student("BEN").ready(nf1, 0.5).build(), lab);
        Session studio = day.session(day.aide("A1"), day.b2, "independent-practice", day.room("STUDIO", 60));
        day.place(day.student("CAL").ready(nf1, 0.7).build(), studio);
        verify(RegroupConstraintProvider::practisingAlone, day).penalizesBy(3);
    }

    // ------------------------------------------------------------------------------------------------------------

    private SingleConstraintAssertion verify(
            BiFunction<RegroupConstraintProvider, ConstraintFactory, Constraint> rule, Day day) {
        return verifier.verifyThat(rule).givenSolution(day.plan()).settingAllShadowVariables();
    }

    private static Session smallGroup(Day day, Period period) {
        return day.session(day.teacher("T1"), period, "small-group", day.room("R1", 25));
    }

    /** Students ready only for {@code skill}, placed in the session (they decide the group's focus). */
    private static void placeReadyStudents(Day day, Session session, Focus skill, int count) {
        for (int i = 0; i < count; i++) {
            day.place(day.student(session.getId() + "-" + skill.getId() + "-" + i).ready(skill).build(), session);
        }
    }
}
