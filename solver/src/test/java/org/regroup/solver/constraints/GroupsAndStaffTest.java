package org.regroup.solver.constraints;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.regroup.domain.StaffRole;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.constraints.Justifications.GroupTooLarge;
import org.regroup.solver.constraints.Justifications.StaffOverCap;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/** Hard rules on group sizes and on what staff may lead: caps, teaching blocks, qualification, modality, block. */
class GroupsAndStaffTest {

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

    /** A catch-all supervised by one of our adults (Day's own catch-all has none). */
    private static Session supervisedCatchAll(Period period, Adult supervisor, Day day, Room room, int capacity) {
        return Session.catchAll("catch-all@" + period.getId(), period, supervisor,
                day.mode(DayPlanBuilder.CATCH_ALL_MODE), room, capacity);
    }

    /** The day's plan plus a session Day does not know of, with {@code n} new students placed in it. */
    private static DayPlan planWith(Day day, Session extra, int n, Focus skill) {
        List<Learner> learners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            learners.add(day.student(extra.getId() + "-S" + i).ready(skill).build());
        }
        DayPlan plan = day.plan();
        plan.getSessions().add(extra);
        for (Learner l : learners) {
            Placement p = new Placement(l.getId() + "@" + extra.getPeriod().getId(), l, extra.getPeriod(),
                    List.of(extra));
            p.setSession(extra);
            plan.getPlacements().add(p);
        }
        return plan;
    }

    // ---- group over size cap ----

    @Test
    void smallGroupOfTwelveAtItsCapHolds() {
        Day day = new Day();
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 30));
        fill(day, s, 12, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::groupOverSizeCap).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void smallGroupOfThirteenOverItsCapBreaks() {
        Day day = new Day();
        Session s = day.session(day.teacher("T1"), day.b1, "small-group", day.room("R1", 30));
        List<String> ids = fill(day, s, 13, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::groupOverSizeCap).givenSolution(day.plan())
                .settingAllShadowVariables()
                .justifiesWith(new GroupTooLarge("T1@B1", "B1", 13, 12, ids.stream().sorted().toList()))
                .penalizesBy(1);
    }

    @Test
    void tutoringTwoStudentsAtOnceBreaks() {
        Day day = new Day();
        Session s = day.session(day.teacher("T1"), day.b1, "one-to-one", day.room("R1", 30));
        fill(day, s, 2, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::groupOverSizeCap).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(1);
    }

    @Test
    void catchAllFullToTheCapacityTheSchoolGaveItHolds() {
        Day day = new Day();
        Session s = day.catchAll(day.b1, day.room("LIB", 60), 20);
        fill(day, s, 20, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::groupOverSizeCap).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void catchAllOverTheCapacityTheSchoolGaveItBreaks() {
        Day day = new Day();
        // the library seats 60, but the school allows 20 in the catch-all
        Session s = day.catchAll(day.b1, day.room("LIB", 60), 20);
        fill(day, s, 23, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::groupOverSizeCap).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(3);
    }

    // ---- staff over student cap ----

    @Test
    void teacherAtTheirOwnStudentCapHolds() {
        Day day = new Day();
        Adult t = day.adult("T1", StaffRole.TEACHER, f -> true, Integer.MAX_VALUE, 8, false);
        Session s = day.session(t, day.b1, "small-group", day.room("R1", 30));
        fill(day, s, 8, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::staffOverStudentCap).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void teacherOverTheirOwnStudentCapBreaks() {
        Day day = new Day();
        // small-group allows 12, but this teacher takes at most 8
        Adult t = day.adult("T1", StaffRole.TEACHER, f -> true, Integer.MAX_VALUE, 8, false);
        Session s = day.session(t, day.b1, "small-group", day.room("R1", 30));
        List<String> ids = fill(day, s, 10, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::staffOverStudentCap).givenSolution(day.plan())
                .settingAllShadowVariables()
                .justifiesWith(new StaffOverCap("T1@B1", "B1", "T1", 10, 8, ids.stream().sorted().toList()))
                .penalizesBy(2);
    }

    @Test
    void tripWithTwelveStudentsPerAdultHolds() {
        Day day = new Day();
        Session s = day.session(day.teacher("T1"), day.b1, "off-site",
                day.room("MUSEUM", 40, 1, true, 0, null));
        fill(day, s, 12, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::staffOverStudentCap).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void tripOverTwelveStudentsPerAdultBreaks() {
        Day day = new Day();
        // an off-site group may hold 20, but one adult takes at most 12 of them
        Session s = day.session(day.teacher("T1"), day.b1, "off-site",
                day.room("MUSEUM", 40, 1, true, 0, null));
        fill(day, s, 14, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::staffOverStudentCap).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(2);
    }

    @Test
    void catchAllSupervisorIsExemptFromTheirStudentCapHolds() {
        Day day = new Day();
        Adult aide = day.adult("A1", StaffRole.AIDE, f -> false, Integer.MAX_VALUE, 5, false);
        // the school's duty rota counts the catch-all, not the supervisor's own cap of 5
        Session ca = supervisedCatchAll(day.b1, aide, day, day.room("LIB", 60), 30);
        verifier.verifyThat(RegroupConstraintProvider::staffOverStudentCap)
                .givenSolution(planWith(day, ca, 15, day.skill("NF1")))
                .settingAllShadowVariables().hasNoImpact();
    }

    // ---- staff over teaching blocks ----

    @Test
    void teacherTeachingTheirTwoContractedBlocksHolds() {
        Day day = new Day();
        Adult t = day.adult("T1", StaffRole.TEACHER, f -> true, 2, Integer.MAX_VALUE, false);
        Room r = day.room("R1", 30);
        Focus nf1 = day.skill("NF1");
        fill(day, day.session(t, day.b1, "small-group", r), 4, nf1);
        fill(day, day.session(t, day.b2, "small-group", r), 4, nf1);
        day.session(t, day.b3, "small-group", r); // a slot nobody is placed in is not held
        verifier.verifyThat(RegroupConstraintProvider::staffOverTeachingBlocks).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void teacherTeachingThreeBlocksOfTwoBreaks() {
        Day day = new Day();
        Adult t = day.adult("T1", StaffRole.TEACHER, f -> true, 2, Integer.MAX_VALUE, false);
        Room r = day.room("R1", 30);
        Focus nf1 = day.skill("NF1");
        List<String> students = new ArrayList<>(fill(day, day.session(t, day.b1, "small-group", r), 4, nf1));
        students.addAll(fill(day, day.session(t, day.b2, "small-group", r), 4, nf1));
        students.addAll(fill(day, day.session(t, day.b3, "small-group", r), 4, nf1));
        verifier.verifyThat(RegroupConstraintProvider::staffOverTeachingBlocks).givenSolution(day.plan())
                .settingAllShadowVariables()
                // every session of the adult's day is in it, and so are its students
                .justifiesWith(new Justifications.StaffOverTeachingBlocks("T1", 3, 2,
                        List.of("T1@B1", "T1@B2", "T1@B3"), students))
                .penalizesBy(1);
    }

    @Test
    void partTimeAideSupervisingThreeBlocksOfOneBreaksByTwo() {
        Day day = new Day();
        Adult a = day.adult("A1", StaffRole.AIDE, f -> false, 1, Integer.MAX_VALUE, false);
        Room lab = day.room("LAB", 30, "computers");
        Focus nf1 = day.skill("NF1");
        fill(day, day.session(a, day.b1, "online-practice", lab), 3, nf1);
        fill(day, day.session(a, day.b2, "online-practice", lab), 3, nf1);
        fill(day, day.session(a, day.b3, "independent-practice", lab), 3, nf1);
        verifier.verifyThat(RegroupConstraintProvider::staffOverTeachingBlocks).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(2);
    }

    @Test
    void supervisingTheCatchAllIsNotATeachingBlockHolds() {
        Day day = new Day();
        Adult a = day.adult("A1", StaffRole.AIDE, f -> false, 1, Integer.MAX_VALUE, false);
        Focus nf1 = day.skill("NF1");
        Room lab = day.room("LAB", 30, "computers");
        Room lib = day.room("LIB", 60);
        fill(day, day.session(a, day.b1, "online-practice", lab), 3, nf1);
        Session ca = supervisedCatchAll(day.b2, a, day, lib, 30);
        verifier.verifyThat(RegroupConstraintProvider::staffOverTeachingBlocks)
                .givenSolution(planWith(day, ca, 10, nf1))
                .settingAllShadowVariables().hasNoImpact();
    }

    // ---- staff not qualified ----

    /** A teacher qualified for math up to grade 4. */
    private static Adult upToGrade4(Day day) {
        return day.adult("T1", StaffRole.TEACHER, f -> f.getGrade() <= 4, Integer.MAX_VALUE, Integer.MAX_VALUE,
                false);
    }

    @Test
    void teacherQualifiedForTheGradeHolds() {
        Day day = new Day();
        Session s = day.session(upToGrade4(day), day.b1, "small-group", day.room("R1", 30));
        fill(day, s, 4, day.skill("G4", 4, 1));
        verifier.verifyThat(RegroupConstraintProvider::staffNotQualified).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void teacherNotQualifiedForTheGradeBreaksPerStudent() {
        Day day = new Day();
        Session s = day.session(upToGrade4(day), day.b1, "small-group", day.room("R1", 30));
        fill(day, s, 4, day.skill("G5", 5, 1));
        verifier.verifyThat(RegroupConstraintProvider::staffNotQualified).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(4);
    }

    @Test
    void groupWorksOnTheSkillItsTeacherIsQualifiedForHolds() {
        Day day = new Day();
        Focus g4 = day.skill("G4", 4, 1);
        Focus g5 = day.skill("G5", 5, 9); // unlocks more, but the teacher cannot teach it
        Session s = day.session(upToGrade4(day), day.b1, "small-group", day.room("R1", 30));
        for (int i = 0; i < 4; i++) {
            day.place(day.student("S" + i).grade(4).ready(g4).ready(g5).build(), s);
        }
        verifier.verifyThat(RegroupConstraintProvider::staffNotQualified).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void aideSupervisingIndependentPracticeNeedsNoContentQualificationHolds() {
        Day day = new Day();
        Session s = day.session(day.aide("A1"), day.b1, "independent-practice", day.room("R1", 30));
        fill(day, s, 6, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::staffNotQualified).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void aideLeadingAnAdvisoryProjectHolds() {
        Day day = new Day();
        Session s = day.session(day.aide("A1"), day.adv, "collaborative-project", day.room("R1", 30));
        for (int i = 0; i < 4; i++) {
            day.place(day.student("S" + i).build(), s); // everyone's advisory option comes with the block
        }
        verifier.verifyThat(RegroupConstraintProvider::staffNotQualified).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void aideLeadingACollaborativeProjectOnASkillBreaks() {
        Day day = new Day();
        // collaborative projects need an adult qualified for the content; this aide is qualified for none
        Session s = day.session(day.aide("A1"), day.b1, "collaborative-project", day.room("R1", 30));
        fill(day, s, 5, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::staffNotQualified).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(5);
    }

    // ---- modality not allowed ----

    @Test
    void aideSupervisingOnlinePracticeHolds() {
        Day day = new Day();
        Session s = day.session(day.aide("A1"), day.b1, "online-practice", day.room("LAB", 30, "computers"));
        fill(day, s, 6, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::modalityNotAllowed).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void aideLeadingSmallGroupInstructionBreaksPerStudent() {
        Day day = new Day();
        Session s = day.session(day.aide("A1"), day.b1, "small-group", day.room("R1", 30));
        fill(day, s, 4, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::modalityNotAllowed).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(4);
    }

    @Test
    void specialistSupervisingOnlinePracticeBreaks() {
        Day day = new Day();
        // specialists lead small groups, 1:1, seminars and independent practice, not the online lab
        Adult sp = day.adult("SP1", StaffRole.SPECIALIST, f -> true, Integer.MAX_VALUE, Integer.MAX_VALUE, false);
        Session s = day.session(sp, day.b1, "online-practice", day.room("LAB", 30, "computers"));
        fill(day, s, 3, day.skill("NF1"));
        verifier.verifyThat(RegroupConstraintProvider::modalityNotAllowed).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(3);
    }

    // ---- modality wrong for the block ----

    @Test
    void seminarInAdvisoryHolds() {
        Day day = new Day();
        Session s = day.session(day.teacher("T1"), day.adv, "seminar", day.room("R1", 30));
        for (int i = 0; i < 6; i++) {
            day.place(day.student("S" + i).build(), s);
        }
        verifier.verifyThat(RegroupConstraintProvider::modalityWrongForBlock).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void onlinePracticeInAdvisoryBreaksPerStudent() {
        Day day = new Day();
        Session s = day.session(day.teacher("T1"), day.adv, "online-practice", day.room("LAB", 30, "computers"));
        for (int i = 0; i < 3; i++) {
            day.place(day.student("S" + i).build(), s);
        }
        verifier.verifyThat(RegroupConstraintProvider::modalityWrongForBlock).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(3);
    }

    @Test
    void smallGroupInTheActivitiesBlockBreaks() {
        Day day = new Day();
        day.activity("ROBOTICS", "tech");
        Session s = day.session(day.teacher("T1"), day.act, "small-group", day.room("R1", 30));
        for (int i = 0; i < 4; i++) {
            day.place(day.student("S" + i).interests("tech").build(), s);
        }
        verifier.verifyThat(RegroupConstraintProvider::modalityWrongForBlock).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(4);
    }

    @Test
    void catchAllInAdvisoryHolds() {
        Day day = new Day();
        // the catch-all runs as independent practice (a skill modality) in every block, advisory included
        Session ca = day.catchAll(day.adv, day.room("LIB", 60), 30);
        for (int i = 0; i < 5; i++) {
            day.place(day.student("S" + i).build(), ca);
        }
        verifier.verifyThat(RegroupConstraintProvider::modalityWrongForBlock).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }
}
