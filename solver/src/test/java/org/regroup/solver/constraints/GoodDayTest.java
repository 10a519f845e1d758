package org.regroup.solver.constraints;

import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import ai.timefold.solver.test.api.score.stream.SingleConstraintAssertion;
import org.junit.jupiter.api.Test;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.StaffRole;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * Soft rules about people and the running of the day: advisors, peers, requests, staff load and rooms, the
 * catch-all, the number of groups, and a school's own weights. (Rules about the learning itself are in
 * {@link GoodLearningDayTest}.)
 */
class GoodDayTest {

    private final ConstraintVerifier<RegroupConstraintProvider, DayPlan> verifier = ConstraintVerifier.build(
            new RegroupConstraintProvider(), DayPlan.class, DayPlan.ENTITY_CLASSES);

    // ------------------------------------------------------------------------------------------------------------
    // Student does not see their advisor
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void studentInAdvisoryWithTheirAdvisorHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult advisor = day.teacher("T1");
        Session math = day.session(day.teacher("T2"), day.b1, "small-group", day.room("R2", 25));
        Session advisory = day.session(advisor, day.adv, "seminar", day.room("R1", 25));
        Learner ana = day.student("ANA").ready(nf1).advisor(advisor).build();
        day.place(ana, math);
        day.place(ana, advisory);
        verify(RegroupConstraintProvider::advisorNotSeen, day).hasNoImpact();
    }

    @Test
    void advisorSeenInAMathBlockHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult advisor = day.teacher("T1");
        Learner ana = day.student("ANA").ready(nf1).advisor(advisor).build();
        day.place(ana, day.session(advisor, day.b2, "small-group", day.room("R1", 25)));
        day.place(ana, day.session(day.teacher("T2"), day.adv, "seminar", day.room("R2", 25)));
        verify(RegroupConstraintProvider::advisorNotSeen, day).hasNoImpact();
    }

    @Test
    void advisorAwayTodayHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult away = new Adult("T1", StaffRole.TEACHER, Set.of(), f -> true, Integer.MAX_VALUE, Integer.MAX_VALUE,
                false, false);
        Learner ana = day.student("ANA").ready(nf1).advisor(away).build();
        // A substitute runs advisory: nobody can see T1 today.
        day.place(ana, day.session(day.teacher("SUB"), day.adv, "seminar", day.room("R1", 25)));
        verify(RegroupConstraintProvider::advisorNotSeen, day).hasNoImpact();
    }

    @Test
    void studentsWhoNeverSeeTheirAdvisorBreak() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult advisor = day.teacher("T1");
        Session advisory = day.session(advisor, day.adv, "seminar", day.room("R1", 25));
        Session otherAdvisory = day.session(day.teacher("T2"), day.adv, "seminar", day.room("R2", 25));
        day.place(day.student("CAL").ready(nf1).advisor(advisor).build(), advisory); // T1 is in today
        day.place(day.student("ANA").ready(nf1).advisor(advisor).build(), otherAdvisory);
        day.place(day.student("BEN").ready(nf1).advisor(advisor).build(), otherAdvisory);
        verify(RegroupConstraintProvider::advisorNotSeen, day).penalizesBy(2);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Peers never together
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void peersSharingOneSessionHold() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room r1 = day.room("R1", 25);
        Room r2 = day.room("R2", 25);
        Adult t1 = day.teacher("T1");
        Session together = day.session(t1, day.b1, "small-group", r1);
        Session apart1 = day.session(t1, day.b2, "small-group", r1);
        Session apart2 = day.session(day.teacher("T2"), day.b2, "small-group", r2);
        Learner ben = day.student("BEN").ready(nf1).build();
        Learner cal = day.student("CAL").ready(nf1).build();
        // ANA works well with BEN and CAL; one shared block with one of them is enough.
        Learner ana = day.student("ANA").ready(nf1).peerOf(ben).peerOf(cal).build();
        day.place(ana, together);
        day.place(ben, together);
        day.place(ana, apart1);
        day.place(ben, apart2);
        verify(RegroupConstraintProvider::peersApart, day).hasNoImpact();
    }

    @Test
    void peersNeverTogetherBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room r1 = day.room("R1", 25);
        Room r2 = day.room("R2", 25);
        Adult t1 = day.teacher("T1");
        Adult t2 = day.teacher("T2");
        Session a1 = day.session(t1, day.b1, "small-group", r1);
        Session b1 = day.session(t2, day.b1, "small-group", r2);
        Session a2 = day.session(t1, day.b2, "small-group", r1);
        Session b2 = day.session(t2, day.b2, "small-group", r2);
        Learner ben = day.student("BEN").ready(nf1).build();
        Learner ana = day.student("ANA").ready(nf1).peerOf(ben).build();
        Learner cal = day.student("CAL").ready(nf1).peerOf(ben).build();
        day.place(ana, a1);
        day.place(cal, a1); // ANA and CAL are together, but neither is ever with BEN, the peer each named
        day.place(ben, b1);
        day.place(ana, a2);
        day.place(cal, a2);
        day.place(ben, b2);
        verify(RegroupConstraintProvider::peersApart, day).penalizesBy(2);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Request not honoured
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void teacherRequestHonouredHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        Room r = day.room("R1", 25);
        Session s1 = day.session(day.teacher("T2"), day.b1, "small-group", r);
        Session s2 = day.session(t1, day.b2, "small-group", r);
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, s1);
        day.place(ana, s2);
        day.ask("Q1", ana, day.b2, t1, null, null, RequestPriority.TEACHER);
        day.ask("Q2", ana, null, null, nf1, "small-group", RequestPriority.STUDENT); // any block will do
        verify(RegroupConstraintProvider::requestIgnored, day).hasNoImpact();
    }

    @Test
    void requestForAnotherBlockIsNotHonouredBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(t1, day.b1, "small-group", day.room("R1", 25)));
        // T1 asked for ANA in B2; she is with T1, but in B1.
        day.ask("Q1", ana, day.b2, t1, null, null, RequestPriority.TEACHER);
        verify(RegroupConstraintProvider::requestIgnored, day).penalizesBy(3);
    }

    @Test
    void ignoredRequestsWeighByPriorityBreaks() {
        Day day = new Day();
        Focus fractions = day.skill("FR");
        Focus decimals = day.skill("DE");
        Adult t1 = day.teacher("T1");
        Session s = day.session(day.teacher("T2"), day.b1, "small-group", day.room("R1", 25));
        Learner ana = day.student("ANA").ready(fractions).ready(decimals).build();
        day.place(ana, s);
        for (int i = 0; i < 2; i++) {
            day.place(day.student("S" + i).ready(fractions).build(), s); // the group works on FR
        }
        day.ask("Q1", ana, null, t1, null, null, RequestPriority.TEACHER); // 3: she is with T2
        day.ask("Q2", ana, null, null, null, "one-to-one", RequestPriority.STUDENT); // 2: she is in a group
        day.ask("Q3", ana, null, null, decimals, null, RequestPriority.DEFAULT); // 1: the group works on FR
        day.ask("Q4", ana, day.b1, null, fractions, null, RequestPriority.TEACHER); // honoured
        verify(RegroupConstraintProvider::requestIgnored, day).penalizesBy(6);
    }

    @Test
    void ignoredAdminRequirementIsNotCountedHereHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(day.teacher("T2"), day.b1, "small-group", day.room("R1", 25)));
        // A hard rule ("Admin-required request not honoured") judges this one.
        day.ask("Q1", ana, null, t1, null, null, RequestPriority.ADMIN_REQUIRED);
        // No match at all (not even one weighing 0).
        verify(RegroupConstraintProvider::requestIgnored, day).penalizes(0);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Staff load unbalanced
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void adultWithoutStudentsAndTheCatchAllCarryNoLoadHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room cafe = day.room("CAFE", 60);
        day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25)); // nobody placed: not held
        Session catchAll = day.catchAll(day.b1, cafe, 60);
        day.place(day.student("ANA").ready(nf1, 0.5).build(), catchAll);
        verify(RegroupConstraintProvider::staffLoad, day).hasNoImpact();
    }

    @Test
    void loadGrowsWithTheSquareOfTeachingBlocksBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        Room r = day.room("R1", 25);
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(t1, day.b1, "small-group", r));
        day.place(ana, day.session(t1, day.b2, "small-group", r));
        day.place(ana, day.session(t1, day.b3, "small-group", r));
        verify(RegroupConstraintProvider::staffLoad, day).penalizesBy(9);
    }

    @Test
    void loadOfSeveralAdultsAddsUpBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        Adult t2 = day.teacher("T2");
        Room r = day.room("R1", 25);
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(t1, day.b1, "small-group", r));
        day.place(ana, day.session(t1, day.b2, "small-group", r));
        day.place(ana, day.session(t2, day.b3, "small-group", r));
        // 2² + 1² = 5, less than the 3² = 9 of one adult teaching all three.
        verify(RegroupConstraintProvider::staffLoad, day).penalizesBy(5);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Staff changes rooms
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void adultStayingInOneRoomHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        Room r1 = day.room("R1", 25);
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(t1, day.b1, "small-group", r1));
        day.place(ana, day.session(t1, day.b2, "small-group", r1));
        day.place(ana, day.session(t1, day.b3, "small-group", r1));
        verify(RegroupConstraintProvider::staffRoomChange, day).hasNoImpact();
    }

    @Test
    void roomChangeAfterAFreeBlockHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        Room r1 = day.room("R1", 25);
        Room lab = day.room("LAB", 30, "computers");
        Learner ana = day.student("ANA").ready(nf1, 0.4).build();
        day.place(ana, day.b1, day.session(t1, day.b1, "small-group", r1));
        day.session(t1, day.b2, "small-group", r1); // T1's free block: nobody placed
        day.place(ana, day.b3, day.session(t1, day.b3, "online-practice", lab));
        verify(RegroupConstraintProvider::staffRoomChange, day).hasNoImpact();
    }

    @Test
    void adultMovingBetweenBackToBackBlocksBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        Room r1 = day.room("R1", 25);
        Room lab = day.room("LAB", 30, "computers");
        Learner ana = day.student("ANA").ready(nf1, 0.4).build();
        day.place(ana, day.session(t1, day.b1, "small-group", r1));
        day.place(ana, day.session(t1, day.b2, "online-practice", lab));
        day.place(ana, day.session(t1, day.b3, "small-group", r1));
        // R1 → LAB → R1: two moves.
        verify(RegroupConstraintProvider::staffRoomChange, day).penalizesBy(2);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Catch-all used
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void catchAllOpenButEveryoneInARealGroupHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25));
        day.catchAll(day.b1, day.room("CAFE", 60), 60);
        for (int i = 0; i < 3; i++) {
            day.place(day.student("S" + i).ready(nf1).build(), s);
        }
        day.place(day.student("ANA").ready(nf1).build(), day.b1, null); // unplaced is a medium matter, not this
        verify(RegroupConstraintProvider::catchAllUsed, day).hasNoImpact();
    }

    @Test
    void eachStudentBlockInTheCatchAllBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room cafe = day.room("CAFE", 60);
        Session catchAll1 = day.catchAll(day.b1, cafe, 60);
        Session catchAll2 = day.catchAll(day.b2, cafe, 60);
        Learner ana = day.student("ANA").ready(nf1, 0.5).build();
        Learner ben = day.student("BEN").ready(nf1, 0.5).build();
        day.place(ana, catchAll1);
        day.place(ben, catchAll1);
        day.place(ana, catchAll2);
        verify(RegroupConstraintProvider::catchAllUsed, day).penalizesBy(3);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Open session
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void onlyTheCatchAllHeldHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25)); // nobody placed: not held
        Session catchAll = day.catchAll(day.b1, day.room("CAFE", 60), 60);
        day.place(day.student("ANA").ready(nf1, 0.5).build(), catchAll);
        day.place(day.student("BEN").ready(nf1, 0.5).build(), catchAll);
        verify(RegroupConstraintProvider::openSession, day).hasNoImpact();
    }

    @Test
    void eachHeldSessionCostsBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room r1 = day.room("R1", 25);
        Adult t1 = day.teacher("T1");
        Session s1 = day.session(t1, day.b1, "small-group", r1);
        Session s2 = day.session(t1, day.b2, "small-group", r1);
        day.session(day.teacher("T2"), day.b1, "small-group", day.room("R2", 25)); // not held
        Session catchAll = day.catchAll(day.b1, day.room("CAFE", 60), 60); // held, but not counted
        Learner ana = day.student("ANA").ready(nf1, 0.5).build();
        day.place(ana, s1);
        day.place(ana, s2);
        day.place(day.student("BEN").ready(nf1, 0.5).build(), catchAll);
        verify(RegroupConstraintProvider::openSession, day).penalizesBy(2);
    }

    // ------------------------------------------------------------------------------------------------------------
    // A school's own weights
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void schoolWeightOverrideChangesTheScore() {
        // One practising student in the catch-all for one block: only "Catch-all used" applies.
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session catchAll = day.catchAll(day.b1, day.room("CAFE", 60), 60);
        day.place(day.student("ANA").ready(nf1, 0.5).build(), catchAll);

        verifier.verifyThat().givenSolution(day.plan()).settingAllShadowVariables()
                .scores(HardMediumSoftScore.ofSoft(-RegroupConstraintProvider.CATCH_ALL_WEIGHT));

        DayPlan overridden = day.plan();
        overridden.setConstraintWeightOverrides(
                ConstraintWeightOverrides.of(Map.of(Rules.CATCH_ALL_USED, HardMediumSoftScore.ofSoft(100))));
        verifier.verifyThat().givenSolution(overridden).settingAllShadowVariables()
                .scores(HardMediumSoftScore.ofSoft(-100));
    }

    // ------------------------------------------------------------------------------------------------------------

    // ------------------------------------------------------------------------------------------------------------
    // Same skill in the same modality three days running
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void sameSkillInAnotherModalityOnTheThirdDayHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Learner ana = day.student("ANA").ready(nf1).build();
        ana.setTwoDaysRunning(java.util.Set.of("NF1|online-practice"));
        day.place(ana, day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25)));
        verify(RegroupConstraintProvider::threeDaysRunning, day).hasNoImpact();
    }

    @Test
    void sameSkillInTheSameModalityOnTheThirdDayBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Learner ana = day.student("ANA").ready(nf1).build();
        ana.setTwoDaysRunning(java.util.Set.of("NF1|small-group"));
        day.place(ana, day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25)));
        verify(RegroupConstraintProvider::threeDaysRunning, day).penalizesBy(1);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Student moved from their previous group
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void studentStayingWithTheirPreviousAdultHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(t1, day.b1, "small-group", day.room("R1", 25))).setPrevious("T1", "NF1");
        verify(RegroupConstraintProvider::movedFromPrevious, day).hasNoImpact();
    }

    @Test
    void studentKeptInTheCatchAllSeatTheyWereRememberedInHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Learner ana = day.student("ANA").ready(nf1).build();
        Session library = day.catchAll(day.b1, day.room("LIB", 40), 40);
        day.place(ana, library).setPreviousSeat(library.getId());
        verify(RegroupConstraintProvider::movedFromPrevious, day).hasNoImpact();
    }

    @Test
    void studentMovedOutOfTheCatchAllSeatTheyWereRememberedInBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Learner ana = day.student("ANA").ready(nf1).build();
        Session library = day.catchAll(day.b1, day.room("LIB", 40), 40);
        day.place(ana, day.session(day.teacher("T2"), day.b1, "small-group", day.room("R1", 25)))
                .setPreviousSeat(library.getId());
        verify(RegroupConstraintProvider::movedFromPrevious, day).penalizesBy(1);
    }

    @Test
    void studentWithoutAPreviousGroupHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(day.teacher("T2"), day.b1, "small-group", day.room("R1", 25)));
        verify(RegroupConstraintProvider::movedFromPrevious, day).hasNoImpact();
    }

    @Test
    void studentMovedToAnotherAdultBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        day.teacher("T1");
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(day.teacher("T2"), day.b1, "small-group", day.room("R1", 25)))
                .setPrevious("T1", "NF1");
        verify(RegroupConstraintProvider::movedFromPrevious, day)
                .penalizesBy(1); // one student-block (times the rule's weight, 20 by default)
    }

    @Test
    void studentWithTheSameAdultOnAnotherSkillBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        day.skill("NF2");
        Adult t1 = day.teacher("T1");
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(t1, day.b1, "small-group", day.room("R1", 25))).setPrevious("T1", "NF2");
        verify(RegroupConstraintProvider::movedFromPrevious, day).penalizesBy(1);
    }

    @Test
    void studentWithTheSameAdultAndSkillInTheSameRoomHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(t1, day.b1, "small-group", day.room("R1", 25)))
                .setPrevious("T1", "NF1", "small-group", "R1");
        verify(RegroupConstraintProvider::movedFromPrevious, day).hasNoImpact();
    }

    @Test
    void studentWhoseGroupMovedToAnotherRoomBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        day.room("R1", 25);
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(t1, day.b1, "small-group", day.room("R2", 25)))
                .setPrevious("T1", "NF1", "small-group", "R1");
        verify(RegroupConstraintProvider::movedFromPrevious, day).penalizesBy(1);
    }

    @Test
    void studentWhoseGroupChangedModalityBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.session(t1, day.b1, "small-group", day.room("R1", 25)))
                .setPrevious("T1", "NF1", "seminar", "R1");
        verify(RegroupConstraintProvider::movedFromPrevious, day).penalizesBy(1);
    }

    @Test
    void studentLeftUnplacedCountsAsMovedBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Learner ana = day.student("ANA").ready(nf1).build();
        day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25));
        day.place(ana, day.b1, null).setPrevious("T1", "NF1");
        verify(RegroupConstraintProvider::movedFromPrevious, day)
                .penalizesBy(1); // one student-block (times the rule's weight, 20 by default)
    }

    private SingleConstraintAssertion verify(
            BiFunction<RegroupConstraintProvider, ConstraintFactory, Constraint> rule, Day day) {
        return verifier.verifyThat(rule).givenSolution(day.plan()).settingAllShadowVariables();
    }
}
