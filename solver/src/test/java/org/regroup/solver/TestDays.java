package org.regroup.solver;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regroup.domain.Accommodations;
import org.regroup.domain.BlockKind;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Goal;
import org.regroup.domain.Prerequisite;
import org.regroup.domain.Qualification;
import org.regroup.domain.School;
import org.regroup.domain.Skill;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;

/** Small hand-made days for end-to-end tests: every student's ready set is known by construction. */
public final class TestDays {

    private TestDays() {
    }

    /**
     * 24 third-graders, 3 skill blocks and an advisory block, 2 teachers, an aide and a tutor, 4 rooms. Skills:
     * NF1 → NF2 → NF3 (fractions chain), OA1 (independent), G5 (grade 5: too advanced for everyone).
     */
    public static DayProblem tiny() {
        List<Skill> skills = List.of(
                new Skill("NF1", "Fractions 1", "math/NF", 3), new Skill("NF2", "Fractions 2", "math/NF", 3),
                new Skill("NF3", "Fractions 3", "math/NF", 3), new Skill("OA1", "Operations 1", "math/OA", 3),
                new Skill("G5", "Geometry 5", "math/G", 5));
        List<Prerequisite> edges = List.of(new Prerequisite("NF1", "NF2"), new Prerequisite("NF2", "NF3"));
        List<TimeBlock> blocks = List.of(
                new TimeBlock("B1", LocalTime.of(8, 30), LocalTime.of(8, 55), 1, BlockKind.ADVISORY, null, false),
                new TimeBlock("B2", LocalTime.of(9, 0), LocalTime.of(9, 45), 2, BlockKind.SKILLS, "math", false),
                new TimeBlock("B3", LocalTime.of(9, 50), LocalTime.of(10, 35), 3, BlockKind.SKILLS, "math", false),
                new TimeBlock("B4", LocalTime.of(10, 45), LocalTime.of(11, 30), 4, BlockKind.SKILLS, "math", false));
        Qualification math = new Qualification("math", 0, 6);
        List<Staff> staff = List.of(
                new Staff("T1", "Teacher One", StaffRole.TEACHER, List.of(math), null, null, 4, 25, List.of(), false,
                        null),
                new Staff("T2", "Teacher Two", StaffRole.TEACHER, List.of(math), null, null, 4, 25, List.of(), false,
                        null),
                new Staff("A1", "Aide One", StaffRole.AIDE, List.of(), null, null, null, 30, List.of(), false, null),
                new Staff("U1", "Tutor One", StaffRole.TUTOR, List.of(math), null, null, null, 5, List.of(), false,
                        null));
        List<Space> spaces = List.of(
                new Space("R1", "Room 1", SpaceKind.CLASSROOM, 25, List.of(), null, 1, null),
                new Space("R2", "Room 2", SpaceKind.CLASSROOM, 25, List.of(), null, 1, null),
                new Space("LAB", "Lab", SpaceKind.LAB, 30, List.of("computers"), null, 1, null),
                new Space("Q1", "Quiet room", SpaceKind.SMALL_ROOM, 8, List.of("quiet"), null, 1, null));
        List<Student> students = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            Map<String, Double> mastery = new LinkedHashMap<>();
            // Three ability bands: ready for NF1, for NF2, or for NF3; everyone is ready for OA1.
            int band = i % 3;
            if (band >= 1) {
                mastery.put("NF1", 0.9);
            }
            if (band >= 2) {
                mastery.put("NF2", 0.85);
            }
            mastery.put("OA1", 0.1 * (i % 7));
            Accommodations acc = i == 5 ? new Accommodations(2, null, false, false, null)
                    : i == 7 ? new Accommodations(null, null, false, true, 1) : null;
            students.add(new Student(String.format("S%02d", i), "Student " + i, 3, i % 2 == 0 ? "T1" : "T2",
                    mastery, i % 4 == 0 ? List.of(new Goal("OA1", null, 1)) : List.of(), List.of("art"), List.of(),
                    List.of(), acc, List.of(), List.of(), false, null, List.of()));
        }
        School school = new School("tiny", "Tiny School", null, null, null, List.of(), null);
        return new DayProblem(DayProblem.FORMAT, DayProblem.VERSION, "tiny", LocalDate.of(2026, 11, 23), school,
                blocks, skills, edges, List.of(), List.of(), staff, spaces, students, List.of(), Map.of());
    }
}
