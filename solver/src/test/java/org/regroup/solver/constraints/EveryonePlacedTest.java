package org.regroup.solver.constraints;

import java.time.LocalTime;
import java.util.List;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import ai.timefold.solver.test.api.score.stream.SingleConstraintAssertion;
import org.junit.jupiter.api.Test;
import org.regroup.domain.BlockKind;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.StaffRole;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/** Medium rules: every student is somewhere every block, and groups are big enough to run. */
class EveryonePlacedTest {

    private final ConstraintVerifier<RegroupConstraintProvider, DayPlan> verifier = ConstraintVerifier.build(
            new RegroupConstraintProvider(), DayPlan.class, DayPlan.ENTITY_CLASSES);

    // ------------------------------------------------------------------------------------------------------------
    // Student not placed
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void studentPlacedEveryBlockHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Adult t = day.teacher("T1");
        Room r = day.room("R1", 25);
        Session s1 = day.session(t, day.b1, "small-group", r);
        Session s2 = day.session(t, day.b2, "small-group", r);
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, s1);
        day.place(ana, s2);
        verifyUnplaced(day).hasNoImpact();
    }

    @Test
    void studentLeftWithoutASessionBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s1 = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25));
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, s1);
        day.place(ana, day.b2, null);
        verifyUnplaced(day).penalizesBy(1);
    }

    @Test
    void eachUnplacedBlockCountsBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s1 = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25));
        Learner ana = day.student("ANA").ready(nf1).build();
        Learner ben = day.student("BEN").ready(nf1).build();
        day.place(ana, s1);
        day.place(ana, day.b2, null);
        day.place(ben, day.b1, null);
        day.place(ben, day.b2, null);
        verifyUnplaced(day).penalizesBy(3);
    }

    @Test
    void studentTravellingToAndFromAFieldTripIsExcusedHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        // The farm is 20 minutes away; blocks are 5 minutes apart: B1 and B3 are spent on the road.
        Room farm = day.room("FARM", 30, 1, true, 20, null);
        Session trip = day.session(tripLeader(day), day.b2, "off-site", farm);
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.b1, null);
        day.place(ana, trip);
        day.place(ana, day.b3, null);
        verifyUnplaced(day).hasNoImpact();
    }

    @Test
    void travelExcusesOnlyTheBlocksNextToTheTripBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room farm = day.room("FARM", 30, 1, true, 20, null);
        Session trip = day.session(tripLeader(day), day.b1, "off-site", farm);
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, trip);
        day.place(ana, day.b2, null); // travelling back: excused
        day.place(ana, day.b3, null); // two blocks after the trip: not excused
        verifyUnplaced(day).penalizesBy(1);
    }

    @Test
    void tripThatFitsInThePassingTimeExcusesNothingBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        // The park is 5 minutes away and blocks are 5 minutes apart: no block is lost to travel.
        Room park = day.room("PARK", 30, 1, true, 5, null);
        Session trip = day.session(tripLeader(day), day.b2, "off-site", park);
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.b1, null);
        day.place(ana, trip);
        verifyUnplaced(day).penalizesBy(1);
    }

    @Test
    void anotherStudentsTripExcusesNobodyElseBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room farm = day.room("FARM", 30, 1, true, 20, null);
        Session trip = day.session(tripLeader(day), day.b2, "off-site", farm);
        Learner ana = day.student("ANA").ready(nf1).build();
        Learner ben = day.student("BEN").ready(nf1).build();
        day.place(ana, day.b1, null); // excused: ANA travels to the farm
        day.place(ana, trip);
        day.place(ben, day.b1, null); // BEN stays at school and has nowhere to go
        verifyUnplaced(day).penalizesBy(1);
    }

    @Test
    void tripReachedOverALongBreakDoesNotExcuseTheBlockBeforeBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        // A 60-minute break before B2 leaves time to get there; the 5-minute gap after it does not to come back.
        Period b2 = day.replace(day.b2, new Period("B2", 1, LocalTime.of(10, 45), LocalTime.of(11, 30),
                BlockKind.SKILLS, "math", false, 60, 5));
        Room farm = day.room("FARM", 30, 1, true, 20, null);
        Session trip = day.session(tripLeader(day), b2, "off-site", farm);
        Learner ana = day.student("ANA").ready(nf1).build();
        day.place(ana, day.b1, null); // not excused: the trip is reached over lunch
        day.place(ana, trip);
        day.place(ana, day.b3, null); // excused: travelling back
        verifyUnplaced(day).penalizesBy(1);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Group below modality's minimum size
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void smallGroupOfExactlyThreeHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25));
        for (int i = 0; i < 3; i++) {
            day.place(day.student("S" + i).ready(nf1).build(), s);
        }
        verifyUnderMinimum(day).hasNoImpact();
    }

    @Test
    void smallGroupOfOneBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 25));
        day.place(day.student("ANA").ready(nf1).build(), s);
        // Small-group instruction needs 3: two voices missing.
        verifyUnderMinimum(day).penalizesBy(2);
    }

    @Test
    void shortfallsOfSeveralGroupsAddUpBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room r1 = day.room("R1", 25);
        Room r2 = day.room("R2", 25);
        Session seminar = day.session(day.teacher("T1"), day.b1, "seminar", r1);
        Session group = day.session(day.teacher("T2"), day.b1, "small-group", r2);
        day.place(day.student("S1").ready(nf1).build(), seminar);
        day.place(day.student("S2").ready(nf1).build(), seminar);
        day.place(day.student("S3").ready(nf1).build(), group);
        day.place(day.student("S4").ready(nf1).build(), group);
        // Seminar needs 5 (has 2: 3 short); small group needs 3 (has 2: 1 short).
        verifyUnderMinimum(day).penalizesBy(4);
    }

    @Test
    void emptySlotIsNotHeldSoHasNoMinimumHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        day.session(day.teacher("T1"), day.b1, "seminar", day.room("R1", 25));
        day.place(day.student("ANA").ready(nf1).build(), day.b1, null);
        verifyUnderMinimum(day).hasNoImpact();
    }

    @Test
    void catchAllBelowTheModalityMinimumHolds() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room cafe = day.room("CAFE", 60);
        Learner ana = day.student("ANA").ready(nf1, 0.4).build();
        Learner ben = day.student("BEN").ready(nf1, 0.4).build();
        // This school runs independent practice for at least 5; the catch-all uses that modality but is exempt.
        Mode practice = independentPracticeForAtLeast(5);
        Session catchAll = Session.catchAll("catch-all@B1", day.b1, null, practice, cafe, 60);
        verifier.verifyThat(RegroupConstraintProvider::groupUnderMinimum)
                .givenSolution(withSession(day.plan(), catchAll, ana, ben)).settingAllShadowVariables()
                .hasNoImpact();
    }

    @Test
    void adultsSessionInTheSameModalityBelowItsMinimumBreaks() {
        Day day = new Day();
        Focus nf1 = day.skill("NF1");
        Room r1 = day.room("R1", 25);
        Learner ana = day.student("ANA").ready(nf1, 0.4).build();
        Learner ben = day.student("BEN").ready(nf1, 0.4).build();
        Mode practice = independentPracticeForAtLeast(5);
        Session session = new Session("T1@B1", day.b1, day.teacher("T1"), List.of(practice), List.of(r1));
        session.setMode(practice);
        session.setRoom(r1);
        verifier.verifyThat(RegroupConstraintProvider::groupUnderMinimum)
                .givenSolution(withSession(day.plan(), session, ana, ben)).settingAllShadowVariables()
                .penalizesBy(3);
    }

    // ------------------------------------------------------------------------------------------------------------

    private SingleConstraintAssertion verifyUnplaced(Day day) {
        return verifier.verifyThat(RegroupConstraintProvider::unplaced).givenSolution(day.plan())
                .settingAllShadowVariables();
    }

    private SingleConstraintAssertion verifyUnderMinimum(Day day) {
        return verifier.verifyThat(RegroupConstraintProvider::groupUnderMinimum).givenSolution(day.plan())
                .settingAllShadowVariables();
    }

    /** Adds a session built outside the fixture (its modality is not one of the fixture's) with these members. */
    private static DayPlan withSession(DayPlan plan, Session session, Learner... members) {
        plan.getSessions().add(session);
        for (Learner learner : members) {
            Placement p = new Placement(learner.getId() + "@" + session.getPeriod().getId(), learner,
                    session.getPeriod(), List.of(session));
            p.setSession(session);
            plan.getPlacements().add(p);
        }
        return plan;
    }

    /** An adult cleared to take students off site. */
    private static Adult tripLeader(Day day) {
        return day.adult("T1", StaffRole.TEACHER, f -> true, Integer.MAX_VALUE, Integer.MAX_VALUE, true);
    }

    /** The standard independent-practice modality with a school's own minimum group size. */
    private static Mode independentPracticeForAtLeast(int minSize) {
        ModalitySpec override = new ModalitySpec(ModalityCatalog.INDEPENDENT_PRACTICE, null, minSize, null, null,
                null, null, null, null, null, null);
        return DayPlanBuilder.mode(ModalityCatalog.of(List.of(override)).get(ModalityCatalog.INDEPENDENT_PRACTICE));
    }
}
