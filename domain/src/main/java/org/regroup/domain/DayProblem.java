package org.regroup.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One school day to plan: the documented, versioned input format ({@code docs/format.md},
 * {@code docs/schema/day-problem.schema.json}).
 *
 * @param modalities the school's modality catalog; built-in defaults for the eight standard modalities apply to what
 *                   it leaves out
 * @param weights    soft constraint weights by constraint name, overriding the defaults
 */
public record DayProblem(String format, Integer version, String id, LocalDate date, School school,
        List<TimeBlock> blocks, List<Skill> skills, List<Prerequisite> prerequisites, List<ModalitySpec> modalities,
        List<Activity> activities, List<Staff> staff, List<Space> spaces, List<Student> students,
        List<Request> requests, Map<String, Integer> weights) {

    public static final String FORMAT = "regroup/day-problem";
    public static final int VERSION = 1;

    public DayProblem {
        blocks = Lists.orEmpty(blocks);
        skills = Lists.orEmpty(skills);
        prerequisites = Lists.orEmpty(prerequisites);
        modalities = Lists.orEmpty(modalities);
        activities = Lists.orEmpty(activities);
        staff = Lists.orEmpty(staff);
        spaces = Lists.orEmpty(spaces);
        students = Lists.orEmpty(students);
        requests = Lists.orEmpty(requests);
        weights = Lists.orEmpty(weights);
    }

    /** A skill counts as mastered at this estimate or above (the school's, else the default). */
    public double masteryThreshold() {
        return school == null ? School.DEFAULT_MASTERY_THRESHOLD : school.masteryThresholdOrDefault();
    }

    /** The same school on another day or after a change: other people, spaces, weights; the rest as it is. */
    public DayProblem with(String newId, LocalDate newDate, List<Staff> newStaff, List<Space> newSpaces,
            List<Student> newStudents, Map<String, Integer> newWeights) {
        return new DayProblem(format, version, newId, newDate, school, blocks, skills, prerequisites, modalities,
                activities, newStaff, newSpaces, newStudents, requests, newWeights);
    }

    /** The same day with other students (a setup file's change to them). */
    public DayProblem withStudents(List<Student> newStudents) {
        return new DayProblem(format, version, id, date, school, blocks, skills, prerequisites, modalities,
                activities, staff, spaces, newStudents, requests, weights);
    }

    /** The same day with other staff (a setup file's change to them). */
    public DayProblem withStaff(List<Staff> newStaff) {
        return new DayProblem(format, version, id, date, school, blocks, skills, prerequisites, modalities,
                activities, newStaff, spaces, students, requests, weights);
    }
}
