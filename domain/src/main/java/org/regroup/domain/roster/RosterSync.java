package org.regroup.domain.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.regroup.domain.Commitment;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Qualification;
import org.regroup.domain.Request;
import org.regroup.domain.School;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;

/**
 * Applies an imported roster to a school's standing data, as a sync: people are matched by id, their imported fields
 * (name and grade; name and role) updated and everything else the school set kept (goals, accommodations, mastery,
 * advisors, qualifications); people the roster says are gone leave, and no reference to them is left dangling
 * (keep-apart pairs, advisees, requests, a catch-all's supervisor). Pure: the caller stores the result.
 */
public final class RosterSync {

    /** The standing data after the sync, and what changed. */
    public record Result(DayProblem standing, SyncReport report) {
    }

    private RosterSync() {
    }

    /**
     * @param base       the school's standing data, or for a new school a template whose blocks, spaces, skills,
     *                   modalities, activities and weights are taken (its people and requests are not)
     * @param isTemplate whether {@code base} is a template
     * @param accept     whether the suggested qualifications are added to the adults' qualifications
     */
    public static Result apply(DayProblem base, boolean isTemplate, ImportedRoster roster, boolean accept) {
        List<Student> current = isTemplate ? List.of() : base.students();
        List<Staff> currentStaff = isTemplate ? List.of() : base.staff();
        boolean all = roster.mode() == ImportedRoster.Mode.ALL;
        boolean none = roster.mode() == ImportedRoster.Mode.NONE;

        Map<String, ImportedRoster.ImportedStudent> importedStudents = new LinkedHashMap<>();
        roster.students().forEach(s -> importedStudents.put(s.id(), s));
        Map<String, ImportedRoster.ImportedStaff> importedStaff = new LinkedHashMap<>();
        roster.staff().forEach(s -> importedStaff.put(s.id(), s));
        Set<String> strands = base.skills().stream().map(org.regroup.domain.Skill::strand)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, List<Qualification>> suggested = new HashMap<>();
        List<ImportedRoster.Suggestion> applicable = new ArrayList<>();
        List<ImportedRoster.Suggestion> withoutSkills = new ArrayList<>();
        for (ImportedRoster.Suggestion s : roster.suggestions()) {
            String strand = s.qualification().strand();
            if (strands.stream().anyMatch(k -> k.equals(strand) || k.startsWith(strand + "/"))) {
                suggested.computeIfAbsent(s.staffId(), k -> new ArrayList<>()).add(s.qualification());
                applicable.add(s);
            } else {
                withoutSkills.add(s); // a qualification no skill is in would make the school invalid
            }
        }

        List<Student> students = new ArrayList<>();
        List<String> goneStudents = new ArrayList<>();
        List<SyncReport.Changed> changedStudents = new ArrayList<>();
        int unchangedStudents = 0;
        for (Student s : current) {
            ImportedRoster.ImportedStudent in = importedStudents.remove(s.id());
            if (in == null) {
                if (!none && (all || roster.removed().contains(s.id()))) {
                    goneStudents.add(s.id());
                } else {
                    students.add(s);
                    unchangedStudents++;
                }
                continue;
            }
            List<String> fields = new ArrayList<>();
            if (!Objects.equals(s.name(), in.name())) {
                fields.add("name");
            }
            if (!Objects.equals(s.grade(), in.grade())) {
                fields.add("grade " + s.grade() + " → " + in.grade());
            }
            if (fields.isEmpty()) {
                students.add(s);
                unchangedStudents++;
            } else {
                students.add(new Student(s.id(), in.name(), in.grade(), s.advisorId(), s.mastery(), s.goals(),
                        s.interests(), s.prefersModalities(), s.avoidsModalities(), s.accommodations(), s.keepApart(),
                        s.peers(), s.absent(), s.presentBlocks(), s.commitments()));
                changedStudents.add(new SyncReport.Changed(s.id(), fields));
            }
        }
        List<String> newStudents = new ArrayList<>();
        for (ImportedRoster.ImportedStudent in : importedStudents.values()) {
            students.add(new Student(in.id(), in.name(), in.grade(), null, Map.of(), null, null, null, null, null,
                    null, null, false, null, null));
            newStudents.add(in.id());
        }

        List<Staff> staff = new ArrayList<>();
        List<String> goneStaff = new ArrayList<>();
        List<SyncReport.Changed> changedStaff = new ArrayList<>();
        int unchangedStaff = 0;
        for (Staff s : currentStaff) {
            ImportedRoster.ImportedStaff in = importedStaff.remove(s.id());
            if (in == null) {
                if (!none && (all || roster.removed().contains(s.id()))) {
                    goneStaff.add(s.id());
                    continue;
                }
                in = new ImportedRoster.ImportedStaff(s.id(), s.name(), s.role()); // not in this export: as it is
            }
            List<String> fields = new ArrayList<>();
            if (!Objects.equals(s.name(), in.name())) {
                fields.add("name");
            }
            if (s.role() != in.role()) {
                fields.add("role");
            }
            List<Qualification> qualifications = accept ? union(s.qualifications(), suggested.get(s.id()))
                    : s.qualifications();
            if (!qualifications.equals(s.qualifications())) {
                fields.add("qualifications");
            }
            if (fields.isEmpty()) {
                staff.add(s);
                unchangedStaff++;
            } else {
                staff.add(new Staff(s.id(), in.name(), in.role(), qualifications, s.modalities(), s.availableBlocks(),
                        s.maxTeachingBlocks(), s.maxStudents(), s.advisees(), s.maySuperviseOffSite(),
                        s.costPerDay()));
                changedStaff.add(new SyncReport.Changed(s.id(), fields));
            }
        }
        List<String> newStaff = new ArrayList<>();
        for (ImportedRoster.ImportedStaff in : importedStaff.values()) {
            staff.add(new Staff(in.id(), in.name(), in.role(), accept ? union(List.of(), suggested.get(in.id()))
                    : List.of(), null, null, null, null, null, false, null));
            newStaff.add(in.id());
        }

        DayProblem standing = withoutDangling(base, isTemplate, staff, students);
        SyncReport report = new SyncReport(
                new SyncReport.Changes(newStudents, changedStudents, goneStudents, unchangedStudents, students.size()),
                new SyncReport.Changes(newStaff, changedStaff, goneStaff, unchangedStaff, staff.size()),
                applicable, accept, withoutSkills);
        return new Result(standing, report);
    }

    /** {@code have} with each suggestion it does not already hold, in order. */
    private static List<Qualification> union(List<Qualification> have, List<Qualification> suggestions) {
        List<Qualification> all = new ArrayList<>(have);
        if (suggestions != null) {
            suggestions.stream().filter(q -> !all.contains(q)).forEach(all::add);
        }
        return List.copyOf(all);
    }

    /** The standing data with these people, and no reference left to those gone (a template's people all are). */
    private static DayProblem withoutDangling(DayProblem base, boolean isTemplate, List<Staff> staff,
            List<Student> students) {
        Set<String> staffIds = staff.stream().map(Staff::id).collect(Collectors.toSet());
        Set<String> studentIds = students.stream().map(Student::id).collect(Collectors.toSet());
        List<Student> cleanStudents = students.stream().map(s -> {
            boolean dangling = (s.advisorId() != null && !staffIds.contains(s.advisorId()))
                    || s.keepApart().stream().anyMatch(id -> !studentIds.contains(id))
                    || s.peers().stream().anyMatch(id -> !studentIds.contains(id))
                    || s.commitments().stream().anyMatch(c -> c.staffId() != null && !staffIds.contains(c.staffId()));
            if (!dangling) {
                return s;
            }
            return new Student(s.id(), s.name(), s.grade(), staffIds.contains(s.advisorId()) ? s.advisorId() : null,
                    s.mastery(), s.goals(), s.interests(), s.prefersModalities(), s.avoidsModalities(),
                    s.accommodations(), s.keepApart().stream().filter(studentIds::contains).toList(),
                    s.peers().stream().filter(studentIds::contains).toList(), s.absent(), s.presentBlocks(),
                    s.commitments().stream().map(c -> c.staffId() == null || staffIds.contains(c.staffId()) ? c
                            : new Commitment(c.blockId(), c.description(), null, c.spaceId())).toList());
        }).toList();
        List<Staff> cleanStaff = staff.stream().map(s -> s.advisees().stream().allMatch(studentIds::contains) ? s
                : new Staff(s.id(), s.name(), s.role(), s.qualifications(), s.modalities(), s.availableBlocks(),
                        s.maxTeachingBlocks(), s.maxStudents(), s.advisees().stream().filter(studentIds::contains)
                        .toList(), s.maySuperviseOffSite(), s.costPerDay())).toList();
        List<Request> requests = isTemplate ? List.of() : base.requests().stream()
                .filter(r -> r.studentId() == null || studentIds.contains(r.studentId()))
                .filter(r -> r.staffId() == null || staffIds.contains(r.staffId()))
                .toList();
        School school = base.school();
        if (school != null && school.catchAll().stream().anyMatch(c -> c.supervisorId() != null
                && !staffIds.contains(c.supervisorId()))) {
            school = school.withCatchAll(school.catchAll().stream().map(c -> c.supervisorId() == null
                            || staffIds.contains(c.supervisorId()) ? c
                            : new School.CatchAll(c.spaceId(), c.blocks(), c.capacity(), null)).toList());
        }
        return new DayProblem(base.format(), base.version(), base.id(), null, school, base.blocks(), base.skills(),
                base.prerequisites(), base.modalities(), base.activities(), cleanStaff, base.spaces(), cleanStudents,
                requests, base.weights());
    }
}
