package org.regroup.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.regroup.domain.Accommodations;
import org.regroup.domain.Activity;
import org.regroup.domain.Commitment;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Goal;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Prerequisite;
import org.regroup.domain.Qualification;
import org.regroup.domain.Request;
import org.regroup.domain.School;
import org.regroup.domain.Skill;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;

/**
 * Edits a day problem for one test case (the domain records are immutable): change what the case is about, keep the
 * rest of the day as it was.
 *
 * <pre>
 * DayProblem day = ProblemEditor.of(TestDays.tiny())
 *         .student("S01", s -> s.absent = true)
 *         .staff("T1", t -> t.availableBlocks = List.of("B1", "B2"))
 *         .build();
 * </pre>
 */
public final class ProblemEditor {

    /** Marks every student display name set by {@link #pseudonyms()}: no output may contain it. */
    public static final String STUDENT_NAME_MARK = "Quillfeather";
    /** Marks every staff display name set by {@link #pseudonyms()}. */
    public static final String STAFF_NAME_MARK = "Brightwater";

    private final DayProblem base;
    public School school;
    public final List<TimeBlock> blocks;
    public final List<Skill> skills;
    public final List<Prerequisite> prerequisites;
    public final List<ModalitySpec> modalities;
    public final List<Activity> activities;
    public final List<Staff> staff;
    public final List<Space> spaces;
    public final List<Student> students;
    public final List<Request> requests;
    public final Map<String, Integer> weights;

    private ProblemEditor(DayProblem base) {
        this.base = base;
        this.school = base.school();
        this.blocks = new ArrayList<>(base.blocks());
        this.skills = new ArrayList<>(base.skills());
        this.prerequisites = new ArrayList<>(base.prerequisites());
        this.modalities = new ArrayList<>(base.modalities());
        this.activities = new ArrayList<>(base.activities());
        this.staff = new ArrayList<>(base.staff());
        this.spaces = new ArrayList<>(base.spaces());
        this.students = new ArrayList<>(base.students());
        this.requests = new ArrayList<>(base.requests());
        this.weights = new LinkedHashMap<>(base.weights());
    }

    public static ProblemEditor of(DayProblem base) {
        return new ProblemEditor(base);
    }

    public ProblemEditor student(String id, Consumer<StudentEdit> change) {
        int i = indexOf(students.stream().map(Student::id).toList(), id);
        StudentEdit edit = new StudentEdit(students.get(i));
        change.accept(edit);
        students.set(i, edit.build());
        return this;
    }

    public ProblemEditor staff(String id, Consumer<StaffEdit> change) {
        int i = indexOf(staff.stream().map(Staff::id).toList(), id);
        StaffEdit edit = new StaffEdit(staff.get(i));
        change.accept(edit);
        staff.set(i, edit.build());
        return this;
    }

    public ProblemEditor space(Space space) {
        spaces.add(space);
        return this;
    }

    public ProblemEditor skill(Skill skill) {
        skills.add(skill);
        return this;
    }

    public ProblemEditor request(Request request) {
        requests.add(request);
        return this;
    }

    public ProblemEditor weight(String rule, Integer weight) {
        weights.put(rule, weight);
        return this;
    }

    public ProblemEditor catchAll(School.CatchAll catchAll) {
        List<School.CatchAll> all = new ArrayList<>(school.catchAll());
        all.add(catchAll);
        school = school.withCatchAll(all);
        return this;
    }

    /**
     * Gives every student and adult a display name that is easy to look for in output (and does not contain their
     * id): explanations and plans must name people by id only.
     */
    public ProblemEditor pseudonyms() {
        for (int i = 0; i < students.size(); i++) {
            String name = "Zora " + STUDENT_NAME_MARK + " " + letters(i);
            student(students.get(i).id(), s -> s.name = name);
        }
        for (int i = 0; i < staff.size(); i++) {
            String name = "Pat " + STAFF_NAME_MARK + " " + letters(i);
            staff(staff.get(i).id(), s -> s.name = name);
        }
        return this;
    }

    private static String letters(int i) {
        return String.valueOf((char) ('a' + i / 26)) + (char) ('a' + i % 26);
    }

    public DayProblem build() {
        return new DayProblem(base.format(), base.version(), base.id(), base.date(), school, blocks, skills,
                prerequisites, modalities, activities, staff, spaces, students, requests, weights);
    }

    private static int indexOf(List<String> ids, String id) {
        int i = ids.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("no " + id + " in " + ids);
        }
        return i;
    }

    /** A student record's fields, to change some and rebuild. */
    public static final class StudentEdit {
        public String id;
        public String name;
        public Integer grade;
        public String advisorId;
        public Map<String, Double> mastery;
        public List<Goal> goals;
        public List<String> interests;
        public List<String> prefersModalities;
        public List<String> avoidsModalities;
        public Accommodations accommodations;
        public List<String> keepApart;
        public List<String> peers;
        public boolean absent;
        public List<String> presentBlocks;
        public List<Commitment> commitments;

        StudentEdit(Student s) {
            id = s.id();
            name = s.name();
            grade = s.grade();
            advisorId = s.advisorId();
            mastery = new LinkedHashMap<>(s.mastery());
            goals = s.goals();
            interests = s.interests();
            prefersModalities = s.prefersModalities();
            avoidsModalities = s.avoidsModalities();
            accommodations = s.accommodations();
            keepApart = s.keepApart();
            peers = s.peers();
            absent = s.absent();
            presentBlocks = s.presentBlocks();
            commitments = s.commitments();
        }

        Student build() {
            return new Student(id, name, grade, advisorId, mastery, goals, interests, prefersModalities,
                    avoidsModalities, accommodations, keepApart, peers, absent, presentBlocks, commitments);
        }
    }

    /** A staff record's fields, to change some and rebuild. */
    public static final class StaffEdit {
        public String id;
        public String name;
        public StaffRole role;
        public List<Qualification> qualifications;
        public List<String> modalities;
        public List<String> availableBlocks;
        public Integer maxTeachingBlocks;
        public Integer maxStudents;
        public List<String> advisees;
        public boolean maySuperviseOffSite;
        public Double costPerDay;

        StaffEdit(Staff s) {
            id = s.id();
            name = s.name();
            role = s.role();
            qualifications = s.qualifications();
            modalities = s.modalities();
            availableBlocks = s.availableBlocks();
            maxTeachingBlocks = s.maxTeachingBlocks();
            maxStudents = s.maxStudents();
            advisees = s.advisees();
            maySuperviseOffSite = s.maySuperviseOffSite();
            costPerDay = s.costPerDay();
        }

        Staff build() {
            return new Staff(id, name, role, qualifications, modalities, availableBlocks, maxTeachingBlocks,
                    maxStudents, advisees, maySuperviseOffSite, costPerDay);
        }
    }
}
