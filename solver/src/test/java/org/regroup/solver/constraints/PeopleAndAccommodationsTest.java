package org.regroup.solver.constraints;

import java.util.List;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.regroup.domain.RequestPriority;
import org.regroup.solver.constraints.Justifications.AccommodationShort;
import org.regroup.solver.constraints.Justifications.KeepApartTogether;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/** Hard rules about people: who is kept apart, admin requirements, and each student's accommodations. */
class PeopleAndAccommodationsTest {

    private final ConstraintVerifier<RegroupConstraintProvider, DayPlan> verifier = ConstraintVerifier.build(
            new RegroupConstraintProvider(), DayPlan.class, DayPlan.ENTITY_CLASSES);

    /** Places {@code n} new students, all ready for {@code skill}, in the session. */
    private static void fill(Day day, Session s, int n, Focus skill) {
        for (int i = 0; i < n; i++) {
            day.place(day.student(s.getId() + "-S" + i).ready(skill).build(), s);
        }
    }

    // ---- keep apart ----

    @Test
    void keptApartStudentsInDifferentGroupsHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room r1 = day.room("R1", 30);
        Room r2 = day.room("R2", 30);
        Session s1 = day.session(day.teacher("T1"), day.b1, "small-group", r1);
        Session s2 = day.session(day.teacher("T2"), day.b1, "small-group", r2);
        Learner a = day.student("A").ready(nf1).build();
        Learner b = day.student("B").ready(nf1).keepApartFrom(a).build();
        day.place(a, s1);
        day.place(b, s2);
        fill(day, s1, 3, nf1);
        fill(day, s2, 3, nf1);
        verifier.verifyThat(RegroupConstraintProvider::keepApart).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void keptApartStudentsInTheSameGroupBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 30));
        Learner a = day.student("A").ready(nf1).build();
        Learner b = day.student("B").ready(nf1).keepApartFrom(a).build();
        day.place(a, s);
        day.place(b, s);
        fill(day, s, 3, nf1);
        verifier.verifyThat(RegroupConstraintProvider::keepApart).givenSolution(day.plan())
                .settingAllShadowVariables()
                .justifiesWith(new KeepApartTogether("T1@B1", "B1", List.of("A", "B")))
                .penalizesBy(1);
    }

    @Test
    void threeStudentsAllKeptApartInOneGroupBreaksOncePerPair() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 30));
        Learner a = day.student("A").ready(nf1).build();
        Learner b = day.student("B").ready(nf1).keepApartFrom(a).build();
        Learner c = day.student("C").ready(nf1).keepApartFrom(a).keepApartFrom(b).build();
        day.place(a, s);
        day.place(b, s);
        day.place(c, s);
        // pairs A-B, A-C, B-C
        verifier.verifyThat(RegroupConstraintProvider::keepApart).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(3);
    }

    @Test
    void keptApartStudentsTogetherInTheCatchAllBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session ca = day.catchAll(day.b1, day.room("LIB", 60), 30);
        Learner a = day.student("A").ready(nf1).build();
        Learner b = day.student("B").ready(nf1).keepApartFrom(a).build();
        day.place(a, ca);
        day.place(b, ca);
        verifier.verifyThat(RegroupConstraintProvider::keepApart).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(1);
    }

    // ---- admin-required requests ----

    @Test
    void adminRequestForATeacherInABlockHonouredHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        Session withT1 = day.session(t1, day.b2, "small-group", day.room("R1", 30));
        Learner s = day.student("S1").ready(nf1).build();
        day.place(s, withT1);
        fill(day, withT1, 3, nf1);
        day.ask("Q1", s, day.b2, t1, null, null, RequestPriority.ADMIN_REQUIRED);
        verifier.verifyThat(RegroupConstraintProvider::adminRequest).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void adminRequestForATeacherGivenToAnotherTeacherBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        day.session(t1, day.b2, "small-group", day.room("R1", 30));
        Session withT2 = day.session(day.teacher("T2"), day.b2, "small-group", day.room("R2", 30));
        Learner s = day.student("S1").ready(nf1).build();
        day.place(s, withT2);
        day.ask("Q1", s, day.b2, t1, null, null, RequestPriority.ADMIN_REQUIRED);
        verifier.verifyThat(RegroupConstraintProvider::adminRequest).givenSolution(day.plan())
                .settingAllShadowVariables()
                .justifiesWith(new Justifications.RequestIgnored("Q1", "S1", "T9", "admin-required",
                        "request Q1 by T9 for S1 with T1 in block B2"))
                .penalizesBy(1);
    }

    @Test
    void adminRequestForATeacherMetInTheWrongBlockBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        Room r = day.room("R1", 30);
        Session b1WithT1 = day.session(t1, day.b1, "small-group", r);
        Session b2WithT2 = day.session(day.teacher("T2"), day.b2, "small-group", day.room("R2", 30));
        Learner s = day.student("S1").ready(nf1).build();
        day.place(s, b1WithT1);
        day.place(s, b2WithT2);
        day.ask("Q1", s, day.b2, t1, null, null, RequestPriority.ADMIN_REQUIRED);
        verifier.verifyThat(RegroupConstraintProvider::adminRequest).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(1);
    }

    @Test
    void adminRequestWithoutABlockHonouredInAnyBlockHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        Session b3WithT1 = day.session(t1, day.b3, "small-group", day.room("R1", 30));
        Learner s = day.student("S1").ready(nf1).build();
        day.place(s, b3WithT1);
        day.ask("Q1", s, null, t1, null, null, RequestPriority.ADMIN_REQUIRED);
        verifier.verifyThat(RegroupConstraintProvider::adminRequest).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void adminRequestToWorkOnASkillWhileTheGroupWorksOnAnotherBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Focus nf2 = day.skill("NF2");
        Session s1 = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 30));
        fill(day, s1, 4, nf1);
        // ready for both; the group (majority NF1) works on NF1
        Learner s = day.student("S1").ready(nf1).ready(nf2).build();
        day.place(s, s1);
        day.ask("Q1", s, null, null, nf2, null, RequestPriority.ADMIN_REQUIRED);
        verifier.verifyThat(RegroupConstraintProvider::adminRequest).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(1);
    }

    @Test
    void teacherPriorityRequestNotHonouredIsNotAnAdminMatterHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        day.session(t1, day.b2, "small-group", day.room("R1", 30));
        Session withT2 = day.session(day.teacher("T2"), day.b2, "small-group", day.room("R2", 30));
        Learner s = day.student("S1").ready(nf1).build();
        day.place(s, withT2);
        day.ask("Q1", s, day.b2, t1, null, null, RequestPriority.TEACHER);
        verifier.verifyThat(RegroupConstraintProvider::adminRequest).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void adminRequestsForAStudentPlacedNowhereBreakOnceEach() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t1 = day.teacher("T1");
        day.session(t1, day.b1, "small-group", day.room("R1", 30));
        Learner s = day.student("S1").ready(nf1).build();
        day.place(s, day.b1, null);
        day.ask("Q1", s, day.b1, t1, null, null, RequestPriority.ADMIN_REQUIRED);
        day.ask("Q2", s, null, null, nf1, "small-group", RequestPriority.ADMIN_REQUIRED);
        verifier.verifyThat(RegroupConstraintProvider::adminRequest).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(2);
    }

    // ---- staff-led minimum ----

    @Test
    void smallGroupAndTutoringMeetTwoStaffLedBlocksHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room r = day.room("R1", 30);
        Room lab = day.room("LAB", 30, "computers");
        Learner s = day.student("S1").ready(nf1).minStaffLed(2).build();
        day.place(s, day.session(day.teacher("T1"), day.b1, "small-group", r));
        day.place(s, day.session(day.teacher("T2"), day.b2, "one-to-one", r));
        day.place(s, day.session(day.aide("A1"), day.b3, "online-practice", lab));
        verifier.verifyThat(RegroupConstraintProvider::staffLedMinimum).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void onlinePracticeIsNotStaffLedBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room r = day.room("R1", 30);
        Room lab = day.room("LAB", 30, "computers");
        Adult aide = day.aide("A1");
        // an adult is in the lab, but only supervising
        Learner s = day.student("S1").ready(nf1).minStaffLed(2).build();
        day.place(s, day.session(day.teacher("T1"), day.b1, "small-group", r));
        day.place(s, day.session(aide, day.b2, "online-practice", lab));
        day.place(s, day.session(aide, day.b3, "online-practice", lab));
        verifier.verifyThat(RegroupConstraintProvider::staffLedMinimum).givenSolution(day.plan())
                .settingAllShadowVariables()
                .justifiesWith(new AccommodationShort("S1", "staff-led blocks", 2, 1))
                .penalizesBy(1);
    }

    @Test
    void peerTutoringAndTheCatchAllAreNotStaffLedBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room r = day.room("R1", 30);
        Room lib = day.room("LIB", 60);
        Learner s = day.student("S1").ready(nf1).minStaffLed(3).build();
        day.place(s, day.session(day.teacher("T1"), day.b1, "small-group", r));
        day.place(s, day.session(day.teacher("T2"), day.b2, "peer-tutoring", r));
        day.place(s, day.catchAll(day.b3, lib, 30));
        verifier.verifyThat(RegroupConstraintProvider::staffLedMinimum).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(2);
    }

    @Test
    void studentPlacedNowhereMissesEveryStaffLedBlockBreaks() {
        Day day = new Day();
        Learner s = day.student("S1").ready(day.skill("NF1")).minStaffLed(2).build();
        day.place(s, day.b1, null);
        verifier.verifyThat(RegroupConstraintProvider::staffLedMinimum).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(2);
    }

    // ---- 1:1 minutes ----

    @Test
    void oneTutoringBlockGivesTheFortyFiveMinutesNeededHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room r = day.room("R1", 30);
        Learner s = day.student("S1").ready(nf1).oneToOneMinutes(45).build();
        day.place(s, day.session(day.teacher("T1"), day.b1, "small-group", r));
        day.place(s, day.session(day.teacher("T2"), day.b2, "one-to-one", r));
        verifier.verifyThat(RegroupConstraintProvider::oneToOneMinutes).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void oneTutoringBlockOfSixtyMinutesNeededBreaksByABlock() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Learner s = day.student("S1").ready(nf1).oneToOneMinutes(60).build();
        // blocks are 45 minutes: 15 minutes short, one more block of 1:1 time
        day.place(s, day.session(day.teacher("T2"), day.b2, "one-to-one", day.room("R1", 30)));
        verifier.verifyThat(RegroupConstraintProvider::oneToOneMinutes).givenSolution(day.plan())
                .settingAllShadowVariables()
                .justifiesWith(new AccommodationShort("S1", "minutes of 1:1 time", 60, 45))
                .penalizesBy(1);
    }

    @Test
    void smallGroupIsNotOneToOneTimeBreaksByTheBlocksOwed() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room r = day.room("R1", 30);
        Adult t = day.teacher("T1");
        Learner s = day.student("S1").ready(nf1).oneToOneMinutes(90).build();
        day.place(s, day.session(t, day.b1, "small-group", r));
        day.place(s, day.session(t, day.b2, "small-group", r));
        verifier.verifyThat(RegroupConstraintProvider::oneToOneMinutes).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(2);
    }

    @Test
    void aOneToOneOfTwoStudentsGivesNeitherOneToOneTimeBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session crowded = day.session(day.teacher("T1"), day.b1, "one-to-one", day.room("R1", 30));
        day.place(day.student("S1").ready(nf1).oneToOneMinutes(45).build(), crowded);
        day.place(day.student("S2").ready(nf1).oneToOneMinutes(45).build(), crowded);
        verifier.verifyThat(RegroupConstraintProvider::oneToOneMinutes).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(2);
    }

    @Test
    void aGroupOverItsCapGivesNoStaffLedTimeBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session crowded = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 30));
        fill(day, crowded, 12, nf1); // the small group's cap
        Learner s = day.student("S1").ready(nf1).minStaffLed(1).build();
        day.place(s, crowded); // the thirteenth
        verifier.verifyThat(RegroupConstraintProvider::staffLedMinimum).givenSolution(day.plan())
                .settingAllShadowVariables()
                .justifiesWith(new AccommodationShort("S1", "staff-led blocks", 1, 0))
                .penalizesBy(1);
    }

    @Test
    void aGroupAtItsCapGivesStaffLedTimeHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session full = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 30));
        fill(day, full, 11, nf1);
        day.place(day.student("S1").ready(nf1).minStaffLed(1).build(), full); // the twelfth
        verifier.verifyThat(RegroupConstraintProvider::staffLedMinimum).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    // ---- quiet space ----

    @Test
    void quietStudentInAQuietRoomHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("Q1", 12, "quiet"));
        fill(day, s, 3, nf1);
        day.place(day.student("QUIET").ready(nf1).quiet().build(), s);
        verifier.verifyThat(RegroupConstraintProvider::quietSpace).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void twoQuietStudentsInABusyRoomBreaksByTwo() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 30, "projector"));
        fill(day, s, 3, nf1);
        day.place(day.student("QUIET1").ready(nf1).quiet().build(), s);
        day.place(day.student("QUIET2").ready(nf1).quiet().build(), s);
        verifier.verifyThat(RegroupConstraintProvider::quietSpace).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(2);
    }

    @Test
    void quietStudentInACatchAllThatIsNotQuietBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session ca = day.catchAll(day.b1, day.room("CAFE", 80), 40);
        fill(day, ca, 5, nf1);
        day.place(day.student("QUIET").ready(nf1).quiet().build(), ca);
        verifier.verifyThat(RegroupConstraintProvider::quietSpace).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(1);
    }

    // ---- online maximum ----

    @Test
    void oneOnlineBlockAtTheLimitOfOneHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room lab = day.room("LAB", 30, "computers");
        Adult aide = day.aide("A1");
        Learner s = day.student("S1").ready(nf1).maxOnline(1).build();
        day.place(s, day.session(aide, day.b1, "online-practice", lab));
        // independent practice is screen-free
        day.place(s, day.session(aide, day.b2, "independent-practice", lab));
        verifier.verifyThat(RegroupConstraintProvider::onlineMaximum).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void threeOnlineBlocksOverTheLimitOfOneBreaksByTwo() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room lab = day.room("LAB", 30, "computers");
        Adult aide = day.aide("A1");
        Learner s = day.student("S1").ready(nf1).maxOnline(1).build();
        day.place(s, day.session(aide, day.b1, "online-practice", lab));
        day.place(s, day.session(aide, day.b2, "online-practice", lab));
        day.place(s, day.session(aide, day.b3, "online-practice", lab));
        verifier.verifyThat(RegroupConstraintProvider::onlineMaximum).givenSolution(day.plan())
                .settingAllShadowVariables()
                .justifiesWith(new AccommodationShort("S1", "at most this many online blocks", 1, 3))
                .penalizesBy(2);
    }
}
