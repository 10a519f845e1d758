package org.regroup.domain.roster;

import java.util.List;
import java.util.Set;

import org.regroup.domain.Qualification;
import org.regroup.domain.StaffRole;

/**
 * The people of one school as a student information system has them, whatever the format it came in: students with
 * their grade, adults with their role, and what the classes they teach suggest they are qualified for. Ids are the
 * SIS's own (OneRoster's {@code sourcedId}), so that importing again is a sync.
 *
 * @param mode    how complete the lists are: everyone ({@code ALL}: whoever is not listed is gone), the changes
 *                ({@code CHANGES}: listed people are added or updated, {@code removed} ones removed), or no people at
 *                all ({@code NONE}: people stay as they are)
 * @param removed ids the export says are gone (changes only)
 */
public record ImportedRoster(Mode mode, List<ImportedStudent> students, List<ImportedStaff> staff,
        Set<String> removed, List<Suggestion> suggestions) {

    public enum Mode { ALL, CHANGES, NONE }

    /** A student: their id, display name (staff see it; never logged) and grade (kindergarten 0). */
    public record ImportedStudent(String id, String name, int grade) {
    }

    /** An adult: their id, display name and role. */
    public record ImportedStaff(String id, String name, StaffRole role) {
    }

    /**
     * What an adult's classes suggest they may lead: a strand over a range of grades, from these classes (ids). An
     * admin confirms it before it becomes a qualification.
     */
    public record Suggestion(String staffId, Qualification qualification, List<String> classes) {
    }

    public ImportedRoster {
        students = List.copyOf(students);
        staff = List.copyOf(staff);
        removed = Set.copyOf(removed);
        suggestions = List.copyOf(suggestions);
    }
}
