package org.regroup.solver.constraints;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.regroup.domain.BlockKind;
import org.regroup.domain.StaffRole;
import org.regroup.solver.constraints.Justifications.SpaceOverCapacity;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/** Hard rules on spaces (somewhere to be, capacity, groups, features, opening) and on going off site. */
class SpacesAndOffSiteTest {

    private final ConstraintVerifier<RegroupConstraintProvider, DayPlan> verifier = ConstraintVerifier.build(
            new RegroupConstraintProvider(), DayPlan.class, DayPlan.ENTITY_CLASSES);

    /** Places {@code n} new students, all ready for {@code skill}, in the session; returns their ids. */
    private static List<String> fill(Day day, Session s, int n, Focus skill) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = s.getId() + "-S" + i;
            day.place(day.student(id).ready(skill).build(), s);
            ids.add(id);
        }
        return ids;
    }

    /** An off-site space {@code travel} minutes away, one group at a time. */
    private static Room site(Day day, String id, int travel) {
        return day.room(id, 40, 1, true, travel, null);
    }

    /** An adult cleared to take students off site. */
    private static Adult cleared(Day day, String id) {
        return day.adult(id, StaffRole.TEACHER, f -> true, Integer.MAX_VALUE, Integer.MAX_VALUE, true);
    }

    // ---- session without a space ----

    @Test
    void groupWithARoomHolds() {
        Day day = new Day();
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 30));
        fill(day, s, 3, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::sessionWithoutSpace).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void groupWithoutARoomBreaksPerStudent() {
        Day day = new Day();
        day.room("R1", 30);
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", null);
        fill(day, s, 3, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::sessionWithoutSpace).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(3);
    }

    @Test
    void emptySlotWithoutARoomHolds() {
        Day day = new Day();
        day.room("R1", 30);
        day.session(day.teacher("T1"), day.b1, "small-group", null); // nobody placed: the slot is not held
        verifier.verifyThat(RegroupConstraintProvider::sessionWithoutSpace).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    // ---- space over capacity ----

    @Test
    void twoGroupsFillingAStudioExactlyHolds() {
        Day day = new Day();
        Room studio = day.room("STUDIO", 20, 2, false, 0, null);
        Focus nf1 = day.skill("NF1");
        fill(day, day.session(day.teacher("T1"), day.b1, "small-group", studio), 12, nf1);
        fill(day, day.session(day.teacher("T2"), day.b1, "small-group", studio), 8, nf1);
        verifier.verifyThat(RegroupConstraintProvider::spaceOverCapacity).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void twoGroupsOverflowingAStudioBreaksPerExtraStudent() {
        Day day = new Day();
        Room studio = day.room("STUDIO", 20, 2, false, 0, null);
        Focus nf1 = day.skill("NF1");
        List<String> ids = new ArrayList<>(
                fill(day, day.session(day.teacher("T1"), day.b1, "small-group", studio), 12, nf1));
        ids.addAll(fill(day, day.session(day.teacher("T2"), day.b1, "small-group", studio), 10, nf1));
        verifier.verifyThat(RegroupConstraintProvider::spaceOverCapacity).givenSolution(day.plan())
                .settingAllShadowVariables()
                .justifiesWith(new SpaceOverCapacity("STUDIO", "B1", 22, 20, ids.stream().sorted().toList(),
                        List.of("T1@B1", "T2@B1")))
                .penalizesBy(2);
    }

    @Test
    void sameRoomFullInDifferentBlocksHolds() {
        Day day = new Day();
        Room r = day.room("R1", 20);
        Focus nf1 = day.skill("NF1");
        // 20 in B1 and 20 in B2: each block is counted on its own
        fill(day, day.session(day.teacher("T1"), day.b1, "seminar", r), 20, nf1);
        fill(day, day.session(day.teacher("T1"), day.b2, "seminar", r), 20, nf1);
        verifier.verifyThat(RegroupConstraintProvider::spaceOverCapacity).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void catchAllOverflowingItsRoomBreaks() {
        Day day = new Day();
        // the school's catch-all capacity (30) is more than the room seats (25)
        Session ca = day.catchAll(day.b1, day.room("LIB", 25), 30);
        fill(day, ca, 28, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::spaceOverCapacity).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(3);
    }

    // ---- space overbooked ----

    @Test
    void studioHostingItsThreeGroupsHolds() {
        Day day = new Day();
        Room studio = day.room("STUDIO", 60, 3, false, 0, null);
        Focus nf1 = day.skill("NF1");
        fill(day, day.session(day.teacher("T1"), day.b1, "small-group", studio), 4, nf1);
        fill(day, day.session(day.teacher("T2"), day.b1, "small-group", studio), 4, nf1);
        fill(day, day.session(day.teacher("T3"), day.b1, "small-group", studio), 4, nf1);
        verifier.verifyThat(RegroupConstraintProvider::spaceOverbooked).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void emptySlotParkedInAnOccupiedClassroomHolds() {
        Day day = new Day();
        Room r = day.room("R1", 30);
        fill(day, day.session(day.teacher("T1"), day.b1, "small-group", r), 4, day.skill("NF1"));
        day.session(day.teacher("T2"), day.b1, "small-group", r); // nobody in it: not held, takes no room
        verifier.verifyThat(RegroupConstraintProvider::spaceOverbooked).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void twoGroupsInOneClassroomBreaks() {
        Day day = new Day();
        Room r = day.room("R1", 30);
        Focus nf1 = day.skill("NF1");
        fill(day, day.session(day.teacher("T1"), day.b1, "small-group", r), 4, nf1);
        fill(day, day.session(day.teacher("T2"), day.b1, "small-group", r), 4, nf1);
        verifier.verifyThat(RegroupConstraintProvider::spaceOverbooked).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(1);
    }

    @Test
    void fourGroupsInAStudioForTwoBreaksByTwo() {
        Day day = new Day();
        Room studio = day.room("STUDIO", 60, 2, false, 0, null);
        Focus nf1 = day.skill("NF1");
        for (String t : List.of("T1", "T2", "T3", "T4")) {
            fill(day, day.session(day.teacher(t), day.b1, "small-group", studio), 3, nf1);
        }
        verifier.verifyThat(RegroupConstraintProvider::spaceOverbooked).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(2);
    }

    // ---- space unsuitable ----

    @Test
    void onlinePracticeInTheComputerLabHolds() {
        Day day = new Day();
        Session s = day.session(day.aide("A1"), day.b1, "online-practice", day.room("LAB", 30, "computers"));
        fill(day, s, 5, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::spaceUnsuitable).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void onlinePracticeInARoomWithoutComputersBreaksPerStudent() {
        Day day = new Day();
        Session s = day.session(day.aide("A1"), day.b1, "online-practice", day.room("R1", 30, "projector"));
        fill(day, s, 5, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::spaceUnsuitable).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(5);
    }

    @Test
    void tripToTheMuseumHolds() {
        Day day = new Day();
        Session s = day.session(cleared(day, "T1"), day.b1, "off-site", site(day, "MUSEUM", 0));
        fill(day, s, 6, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::spaceUnsuitable).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void offSiteExperienceHeldInAClassroomBreaks() {
        Day day = new Day();
        Session s = day.session(cleared(day, "T1"), day.b1, "off-site", day.room("R1", 30));
        fill(day, s, 6, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::spaceUnsuitable).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(6);
    }

    @Test
    void smallGroupLessonAtTheMuseumBreaks() {
        Day day = new Day();
        Session s = day.session(cleared(day, "T1"), day.b1, "small-group", site(day, "MUSEUM", 0));
        fill(day, s, 4, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::spaceUnsuitable).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(4);
    }

    // ---- space closed ----

    @Test
    void roomUsedInABlockItIsOpenHolds() {
        Day day = new Day();
        Room gym = day.room("GYM", 30, 1, false, 0, Set.of("B1"));
        fill(day, day.session(day.teacher("T1"), day.b1, "small-group", gym), 3, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::spaceClosed).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void roomUsedInABlockItIsClosedBreaksPerStudent() {
        Day day = new Day();
        // the gym is open in B1 only (exams after that)
        Room gym = day.room("GYM", 30, 1, false, 0, Set.of("B1"));
        fill(day, day.session(day.teacher("T1"), day.b2, "small-group", gym), 3, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::spaceClosed).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(3);
    }

    // ---- off-site supervision ----

    @Test
    void clearedTeacherTakingAGroupOffSiteHolds() {
        Day day = new Day();
        Session s = day.session(cleared(day, "T1"), day.b1, "off-site", site(day, "MUSEUM", 0));
        fill(day, s, 5, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::offSiteUnsupervised).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void unclearedTeacherOnSiteHolds() {
        Day day = new Day();
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 30));
        fill(day, s, 5, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::offSiteUnsupervised).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void unclearedTeacherTakingAGroupOffSiteBreaksPerStudent() {
        Day day = new Day();
        Session s = day.session(day.teacher("T1"), day.b1, "off-site", site(day, "MUSEUM", 0));
        fill(day, s, 5, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::offSiteUnsupervised).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(5);
    }

    // ---- off-site forbidden ----

    @Test
    void studentWhoMustStayOnSiteInAnOnSiteGroupHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 30));
        fill(day, s, 4, nf1);
        day.place(day.student("STAY").ready(nf1).noOffSite().build(), s);
        verifier.verifyThat(RegroupConstraintProvider::offSiteForbidden).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void twoStudentsWhoMustStayOnSiteOnATripBreaksByTwo() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = day.session(cleared(day, "T1"), day.b1, "off-site", site(day, "MUSEUM", 0));
        fill(day, s, 4, nf1);
        day.place(day.student("STAY1").ready(nf1).noOffSite().build(), s);
        day.place(day.student("STAY2").ready(nf1).noOffSite().build(), s);
        verifier.verifyThat(RegroupConstraintProvider::offSiteForbidden).givenSolution(day.plan())
                .settingAllShadowVariables()
                .justifiesWith(new Justifications.OffSiteForbidden("T1@B1", "B1", List.of("STAY1", "STAY2")))
                .penalizesBy(2);
    }

    // ---- student travel ----
    // The museum is 20 minutes away; the default blocks have 5-minute gaps, so the trip takes the next-door block.

    @Test
    void studentStayingAtTheSiteForTheNextBlockHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room museum = day.room("MUSEUM", 40, 2, true, 20, null);
        Adult t = cleared(day, "T1");
        Session trip1 = day.session(t, day.b1, "off-site", museum);
        Session trip2 = day.session(t, day.b2, "off-site", museum);
        Learner s = day.student("S1").ready(nf1).build();
        day.place(s, trip1);
        day.place(s, trip2);
        verifier.verifyThat(RegroupConstraintProvider::studentTravel).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void studentLeftFreeToTravelBeforeAndAfterHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room museum = site(day, "MUSEUM", 20);
        Room r = day.room("R1", 30);
        Session trip = day.session(cleared(day, "T1"), day.b2, "off-site", museum);
        Learner s = day.student("S1").ready(nf1).build();
        day.place(s, day.b1, null);
        day.place(s, trip);
        day.place(s, day.b3, null);
        day.place(s, day.session(day.teacher("T2"), day.adv, "seminar", r)); // two blocks later: back in time
        verifier.verifyThat(RegroupConstraintProvider::studentTravel).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void studentInClassRightBeforeTheTripBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room museum = site(day, "MUSEUM", 20);
        Room r = day.room("R1", 30);
        Learner s = day.student("S1").ready(nf1).build();
        day.place(s, day.session(day.teacher("T2"), day.b1, "small-group", r));
        day.place(s, day.session(cleared(day, "T1"), day.b2, "off-site", museum));
        verifier.verifyThat(RegroupConstraintProvider::studentTravel).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(1);
    }

    @Test
    void studentInClassRightBeforeAndAfterTheTripBreaksTwice() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room museum = site(day, "MUSEUM", 20);
        Room r = day.room("R1", 30);
        Adult t2 = day.teacher("T2");
        Learner s = day.student("S1").ready(nf1).build();
        day.place(s, day.session(t2, day.b1, "small-group", r));
        day.place(s, day.session(cleared(day, "T1"), day.b2, "off-site", museum));
        day.place(s, day.session(t2, day.b3, "small-group", r));
        verifier.verifyThat(RegroupConstraintProvider::studentTravel).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(2);
    }

    @Test
    void tripThatFitsTheFiveMinuteGapHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room park = site(day, "PARK", 5); // exactly the gap between blocks
        Room r = day.room("R1", 30);
        Adult t2 = day.teacher("T2");
        Learner s = day.student("S1").ready(nf1).build();
        day.place(s, day.session(t2, day.b1, "small-group", r));
        day.place(s, day.session(cleared(day, "T1"), day.b2, "off-site", park));
        day.place(s, day.session(t2, day.b3, "small-group", r));
        verifier.verifyThat(RegroupConstraintProvider::studentTravel).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void tripOneMinuteLongerThanTheGapBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room park = site(day, "PARK", 6);
        Room r = day.room("R1", 30);
        Learner s = day.student("S1").ready(nf1).build();
        day.place(s, day.session(cleared(day, "T1"), day.b2, "off-site", park));
        day.place(s, day.session(day.teacher("T2"), day.b3, "small-group", r));
        verifier.verifyThat(RegroupConstraintProvider::studentTravel).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(1);
    }

    @Test
    void longLunchBeforeTheTripCoversTheTravelHolds() {
        Day day = new Day();
        // a 60-minute lunch between B2 and B3; the museum is 30 minutes away
        Period b2 = day.replace(day.b2, new Period("B2", 1, LocalTime.of(9, 50), LocalTime.of(10, 35),
                BlockKind.SKILLS, "math", false, 5, 60));
        Period b3 = day.replace(day.b3, new Period("B3", 2, LocalTime.of(11, 35), LocalTime.of(12, 20),
                BlockKind.SKILLS, "math", false, 60, 5));
        Focus nf1 = day.skill("NF1");
        Room museum = site(day, "MUSEUM", 30);
        Room r = day.room("R1", 30);
        Learner s = day.student("S1").ready(nf1).build();
        day.place(s, day.session(day.teacher("T2"), b2, "small-group", r));
        day.place(s, day.session(cleared(day, "T1"), b3, "off-site", museum));
        verifier.verifyThat(RegroupConstraintProvider::studentTravel).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    // ---- staff travel ----

    @Test
    void teacherStayingAtTheSiteForTheNextBlockHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room museum = site(day, "MUSEUM", 20);
        Adult t = cleared(day, "T1");
        Session trip1 = day.session(t, day.b1, "off-site", museum);
        Session trip2 = day.session(t, day.b2, "off-site", museum);
        fill(day, trip1, 4, nf1);
        fill(day, trip2, 4, nf1);
        verifier.verifyThat(RegroupConstraintProvider::staffTravel).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void teacherWithAnEmptySlotNextToTheTripHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room museum = site(day, "MUSEUM", 20);
        Room r = day.room("R1", 30);
        Adult t = cleared(day, "T1");
        day.session(t, day.b1, "small-group", r); // nobody placed: the teacher is free to travel
        fill(day, day.session(t, day.b2, "off-site", museum), 4, nf1);
        verifier.verifyThat(RegroupConstraintProvider::staffTravel).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void teacherTeachingInClassRightAfterTheTripBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room museum = site(day, "MUSEUM", 20);
        Room r = day.room("R1", 30);
        Adult t = cleared(day, "T1");
        fill(day, day.session(t, day.b2, "off-site", museum), 4, nf1);
        fill(day, day.session(t, day.b3, "small-group", r), 4, nf1);
        verifier.verifyThat(RegroupConstraintProvider::staffTravel).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(1);
    }

    @Test
    void teacherTeachingInClassBeforeAndAfterTheTripBreaksTwice() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room museum = site(day, "MUSEUM", 20);
        Room r = day.room("R1", 30);
        Adult t = cleared(day, "T1");
        fill(day, day.session(t, day.b1, "small-group", r), 4, nf1);
        fill(day, day.session(t, day.b2, "off-site", museum), 4, nf1);
        fill(day, day.session(t, day.b3, "small-group", r), 4, nf1);
        verifier.verifyThat(RegroupConstraintProvider::staffTravel).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(2);
    }

    @Test
    void teacherTeachingAfterALongLunchFollowingTheTripHolds() {
        Day day = new Day();
        // a 60-minute lunch between B2 and B3; the museum is 30 minutes away
        Period b2 = day.replace(day.b2, new Period("B2", 1, LocalTime.of(9, 50), LocalTime.of(10, 35),
                BlockKind.SKILLS, "math", false, 5, 60));
        Period b3 = day.replace(day.b3, new Period("B3", 2, LocalTime.of(11, 35), LocalTime.of(12, 20),
                BlockKind.SKILLS, "math", false, 60, 5));
        Focus nf1 = day.skill("NF1");
        Room museum = site(day, "MUSEUM", 30);
        Room r = day.room("R1", 30);
        Adult t = cleared(day, "T1");
        fill(day, day.session(t, b2, "off-site", museum), 4, nf1);
        fill(day, day.session(t, b3, "small-group", r), 4, nf1);
        verifier.verifyThat(RegroupConstraintProvider::staffTravel).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }
}
