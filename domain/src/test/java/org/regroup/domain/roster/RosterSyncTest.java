package org.regroup.domain.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.regroup.domain.Accommodations;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Goal;
import org.regroup.domain.Qualification;
import org.regroup.domain.Request;
import org.regroup.domain.Skill;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.Student;
import org.regroup.domain.roster.ImportedRoster.ImportedStaff;
import org.regroup.domain.roster.ImportedRoster.ImportedStudent;
import org.regroup.domain.roster.ImportedRoster.Mode;

/** A roster applied to standing data: matched by id, imported fields updated, the school's own fields kept. */
class RosterSyncTest {

    private static final DayProblem TEMPLATE = new DayProblem(DayProblem.FORMAT, DayProblem.VERSION, "t", null, null,
            null, List.of(new Skill("1.OA.1", "Add within 20", "math/OA", 1)), null, null, null,
            List.of(staff("T01", "Tem P.", List.of())), null, List.of(student("S0001", "Tem S.", 3)), null, null);

    private static Student student(String id, String name, int grade) {
        return new Student(id, name, grade, null, Map.of(), null, null, null, null, null, null, null, false, null,
                null);
    }

    private static Staff staff(String id, String name, List<Qualification> qualifications) {
        return new Staff(id, name, StaffRole.TEACHER, qualifications, null, null, null, null, null, false, null);
    }

    private static final ImportedRoster BULK = new ImportedRoster(Mode.ALL,
            List.of(new ImportedStudent("s1", "Ana M.", 0), new ImportedStudent("s2", "Ben O.", 3),
                    new ImportedStudent("s3", "Cai P.", 5)),
            List.of(new ImportedStaff("t1", "Eva L.", StaffRole.TEACHER), new ImportedStaff("a1", "Gus H.",
                    StaffRole.AIDE)),
            Set.of(), List.of(new ImportedRoster.Suggestion("t1", new Qualification("math", 0, 2), List.of("k1"))));

    @Test
    void aNewSchoolTakesThePeopleOfTheRosterNotOfTheTemplate() {
        RosterSync.Result result = RosterSync.apply(TEMPLATE, true, BULK, false);

        assertThat(result.standing().students()).extracting(Student::id).containsExactly("s1", "s2", "s3");
        assertThat(result.standing().staff()).extracting(Staff::id).containsExactly("t1", "a1");
        assertThat(result.standing().staff().get(0).qualifications()).isEmpty();
        assertThat(result.report().students().added()).containsExactly("s1", "s2", "s3");
        assertThat(result.report().students().gone()).isEmpty(); // the template's people were never the school's
    }

    @Test
    void theSameRosterAgainChangesNothing() {
        DayProblem once = RosterSync.apply(TEMPLATE, true, BULK, true).standing();

        RosterSync.Result again = RosterSync.apply(once, false, BULK, true);

        assertThat(again.report().nothingChanged()).isTrue();
        assertThat(again.report().students().unchanged()).isEqualTo(3);
        assertThat(again.report().staff().unchanged()).isEqualTo(2);
        assertThat(again.standing()).isEqualTo(once);
    }

    @Test
    void aBulkRosterUpdatesImportedFieldsKeepsTheSchoolsOwnAndRemovesWhoIsNotListed() {
        DayProblem once = RosterSync.apply(TEMPLATE, true, BULK, false).standing();
        Student s2 = once.students().get(1);
        Student withGoals = new Student(s2.id(), s2.name(), s2.grade(), "t1", Map.of("0.CC.1", 0.9),
                List.of(new Goal("3.NF.1", null, 1)), List.of("chess"), null, null,
                new Accommodations(1, null, false, false, null), List.of("s3"), List.of("s1"), false, null, null);
        DayProblem edited = new DayProblem(once.format(), once.version(), once.id(), null, once.school(),
                once.blocks(), once.skills(), once.prerequisites(), once.modalities(), once.activities(), once.staff(),
                once.spaces(), List.of(once.students().get(0), withGoals, once.students().get(2)),
                List.of(new Request("r1", "s3", null, "t1", null, null, null, "admin", null)), once.weights());
        ImportedRoster next = new ImportedRoster(Mode.ALL, List.of(new ImportedStudent("s1", "Ana M.", 0),
                new ImportedStudent("s2", "Ben O.", 4), new ImportedStudent("s4", "Dee R.", 1)),
                List.of(new ImportedStaff("t1", "Eva K.", StaffRole.TEACHER)), Set.of(), List.of());

        RosterSync.Result result = RosterSync.apply(edited, false, next, false);

        SyncReport r = result.report();
        assertThat(r.students().added()).containsExactly("s4");
        assertThat(r.students().changed()).containsExactly(new SyncReport.Changed("s2", List.of("grade 3 → 4")));
        assertThat(r.students().gone()).containsExactly("s3");
        assertThat(r.students().unchanged()).isEqualTo(1);
        assertThat(r.staff().changed()).containsExactly(new SyncReport.Changed("t1", List.of("name")));
        assertThat(r.staff().gone()).containsExactly("a1");
        Student kept = result.standing().students().get(1);
        assertThat(kept.grade()).isEqualTo(4);
        assertThat(kept.goals()).isEqualTo(withGoals.goals());
        assertThat(kept.mastery()).isEqualTo(withGoals.mastery());
        assertThat(kept.accommodations()).isEqualTo(withGoals.accommodations());
        assertThat(kept.advisorId()).isEqualTo("t1");
        // nothing names the student who left: not a keep-apart pair, not a request
        assertThat(kept.keepApart()).isEmpty();
        assertThat(kept.peers()).containsExactly("s1");
        assertThat(result.standing().requests()).isEmpty();
    }

    @Test
    void aDeltaChangesExactlyWhatItSays() {
        DayProblem once = RosterSync.apply(TEMPLATE, true, BULK, false).standing();
        ImportedRoster delta = new ImportedRoster(Mode.CHANGES, List.of(new ImportedStudent("s2", "Ben O.", 4),
                new ImportedStudent("s9", "Ida Q.", 2)), List.of(), Set.of("s3", "nobody"), List.of());

        RosterSync.Result result = RosterSync.apply(once, false, delta, false);

        assertThat(result.report().students().added()).containsExactly("s9");
        assertThat(result.report().students().changed()).extracting(SyncReport.Changed::id).containsExactly("s2");
        assertThat(result.report().students().gone()).containsExactly("s3");
        assertThat(result.report().staff().none()).isTrue();
        assertThat(result.standing().students()).extracting(Student::id).containsExactly("s1", "s2", "s9");
        assertThat(result.standing().staff()).isEqualTo(once.staff());
    }

    @Test
    void aSuggestionForASubjectTheSchoolHasNoSkillsInIsListedApartAndNotApplied() {
        ImportedRoster withReading = new ImportedRoster(Mode.ALL, BULK.students(), BULK.staff(), Set.of(),
                List.of(new ImportedRoster.Suggestion("t1", new Qualification("ela", 3, 5), List.of("r1"))));

        RosterSync.Result result = RosterSync.apply(TEMPLATE, true, withReading, true);

        assertThat(result.report().qualifications()).isEmpty();
        assertThat(result.report().qualificationsWithoutSkills()).extracting(q -> q.qualification().strand())
                .containsExactly("ela");
        assertThat(result.standing().staff().get(0).qualifications()).isEmpty();
    }

    @Test
    void suggestedQualificationsAreAddedOnlyWhenAccepted() {
        DayProblem once = RosterSync.apply(TEMPLATE, true, BULK, false).standing();

        RosterSync.Result accepted = RosterSync.apply(once, false, BULK, true);

        assertThat(accepted.report().staff().changed()).containsExactly(new SyncReport.Changed("t1",
                List.of("qualifications")));
        assertThat(accepted.standing().staff().get(0).qualifications()).containsExactly(new Qualification("math", 0,
                2));
        assertThat(RosterSync.apply(accepted.standing(), false, BULK, true).report().nothingChanged()).isTrue();
    }
}
