package org.regroup.domain.io.oneroster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.regroup.domain.Qualification;
import org.regroup.domain.StaffRole;
import org.regroup.domain.roster.ImportedRoster;
import org.regroup.domain.roster.ImportedRoster.ImportedStaff;
import org.regroup.domain.roster.ImportedRoster.ImportedStudent;

/** One school's people out of an export: who is imported, with what grade, role and name; what classes suggest. */
class OneRosterMappingTest {

    private static RosterMapper.Mapped map(OneRosterFixtures fixture, String org, boolean explicit,
            Problems problems) {
        OneRosterExport export = OneRosterExport.read(fixture.export(), problems);
        assertThat(problems.errors()).as("reading").isEmpty();
        return RosterMapper.map(export, org, explicit, problems);
    }

    @Test
    void version11StudentsWithGradesAndTeachersAndAidesOfTheOrgAreImportedOthersNot() {
        Problems problems = new Problems();
        ImportedRoster roster = map(OneRosterFixtures.load("v1p1-bulk"), "north", false, problems).roster();

        assertThat(problems.errors()).isEmpty();
        assertThat(roster.mode()).isEqualTo(ImportedRoster.Mode.ALL);
        assertThat(roster.students()).containsExactly(new ImportedStudent("u-s1", "Ana M.", 0),
                new ImportedStudent("u-s2", "Ben O.", 3), new ImportedStudent("u-s3", "Chloé Ø.", 5));
        // the teacher of two orgs is in both schools; the parent and the administrator in neither
        assertThat(roster.staff()).containsExactly(new ImportedStaff("u-t1", "Eva L.", StaffRole.TEACHER),
                new ImportedStaff("u-t2", "Finn B.", StaffRole.TEACHER),
                new ImportedStaff("u-a1", "Gus H.", StaffRole.AIDE));
        ImportedRoster south = map(OneRosterFixtures.load("v1p1-bulk"), "sch-south", true, new Problems()).roster();
        assertThat(south.students()).extracting(ImportedStudent::id).containsExactly("u-s4");
        assertThat(south.staff()).extracting(ImportedStaff::id).containsExactly("u-t2");
    }

    @Test
    void classesSuggestQualificationsBySubjectOverTheirGradesAndAMissingClassIsAWarning() {
        Problems problems = new Problems();
        ImportedRoster roster = map(OneRosterFixtures.load("v1p1-bulk"), "north", false, problems).roster();

        assertThat(roster.suggestions()).containsExactly(
                new ImportedRoster.Suggestion("u-t1", new Qualification("math", 0, 2), List.of("k-math")),
                new ImportedRoster.Suggestion("u-t2", new Qualification("ela", 3, 5), List.of("k-read")),
                new ImportedRoster.Suggestion("u-a1", new Qualification("math", 0, 2), List.of("k-math")));
        assertThat(problems.warnings()).anySatisfy(w -> assertThat(w.toString()).isEqualTo("enrollments.csv:8:"
                + "classSourcedId (sourcedId e7): no class k-gone in classes.csv: the enrollment suggests nothing"));
    }

    @Test
    void version12TakesRolesAndOrgsFromRolesCsvPreferredNamesAndLeavesPreKindergartenOut() {
        Problems problems = new Problems();
        RosterMapper.Mapped mapped = map(OneRosterFixtures.load("v1p2-bulk"), "river", false, problems);
        ImportedRoster roster = mapped.roster();

        assertThat(problems.errors()).isEmpty();
        assertThat(mapped.org().sourcedId()).isEqualTo("org-river");
        assertThat(roster.students()).containsExactly(new ImportedStudent("r-s1", "Kasia N.", 6),
                new ImportedStudent("r-s2", "Liam O.", 7));
        assertThat(roster.staff()).extracting(ImportedStaff::id).containsExactly("r-t1", "r-t2", "r-a1");
        assertThat(problems.warnings()).anySatisfy(w -> assertThat(w.toString()).startsWith("users.csv:4:grades "
                + "(sourcedId r-s3): grade PK is not a K-12 grade planned here"));
        assertThat(roster.suggestions()).containsExactly(new ImportedRoster.Suggestion("r-t1",
                new Qualification("math", 6, 7), List.of("rk1", "rk2")));
    }

    @Test
    void aBadGradeIsAnErrorAtItsCellAndAMissingOneIsTakenFromTheClassesWhenTheyAgree() {
        Problems bad = new Problems();
        map(OneRosterFixtures.load("v1p1-bulk").edit("users.csv", t -> t.replace(",03,", ",Grade 3,")), "north",
                false, bad);
        Problems missing = new Problems();
        ImportedRoster fromClasses = map(OneRosterFixtures.load("v1p2-bulk").edit("users.csv",
                t -> t.replace(",06,", ",,")), "river", false, missing).roster();

        assertThat(bad.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("users.csv:3:grades");
            assertThat(e.sourcedId()).isEqualTo("u-s2");
            assertThat(e.message()).contains("'Grade 3' is not a OneRoster grade");
        });
        assertThat(missing.errors()).isEmpty();
        assertThat(fromClasses.students().get(0)).isEqualTo(new ImportedStudent("r-s1", "Kasia N.", 6));
    }

    @Test
    void anOrgThatIsNotThereIsAnErrorListingTheSchoolsAndOneSchoolIsTakenWhenNoneIsNamed() {
        Problems named = new Problems();
        assertThat(map(OneRosterFixtures.load("v1p1-bulk"), "east", true, named)).isNull();
        Problems only = new Problems();
        RosterMapper.Mapped single = map(OneRosterFixtures.load("v1p1-bulk").edit("orgs.csv",
                t -> t.replace("sch-south,active,2026-08-01,South Elementary,school",
                        "sch-south,tobedeleted,2026-08-01,South Elementary,school")), "anything", false, only);

        assertThat(named.errors()).singleElement().satisfies(e -> assertThat(e.toString()).isEqualTo("orgs.csv: no "
                + "org of type school has sourcedId or identifier 'east'; its schools are sch-north (identifier "
                + "north), sch-south (identifier south)"));
        assertThat(single.org().sourcedId()).isEqualTo("sch-north");
        assertThat(only.warnings()).anySatisfy(w -> assertThat(w.message()).contains("the export's only school"));
    }

    @Test
    void aDeltaListsChangesAndRemovals() {
        Problems problems = new Problems();
        ImportedRoster v11 = map(OneRosterFixtures.load("v1p1-delta"), "sch-north", true, problems).roster();
        ImportedRoster v12 = map(OneRosterFixtures.load("v1p2-delta"), "org-river", true, new Problems()).roster();

        assertThat(v11.mode()).isEqualTo(ImportedRoster.Mode.CHANGES);
        assertThat(v11.students()).extracting(ImportedStudent::id).containsExactly("u-s2", "u-s5");
        assertThat(v11.removed()).containsExactly("u-s3");
        assertThat(v12.students()).containsExactly(new ImportedStudent("r-s4", "Quinn U.", 8));
        assertThat(v12.staff()).containsExactly(new ImportedStaff("r-t1", "Nils V.", StaffRole.TEACHER));
        assertThat(v12.removed()).containsExactly("r-s2");
    }

    @Test
    void aDeltaWithoutOrgsNeedsTheOrgNamed() {
        Problems problems = new Problems();
        map(OneRosterFixtures.load("v1p1-delta"), "north", false, problems);

        assertThat(problems.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("--org"));
    }

    @Test
    void aSourcedIdThatCannotBeInAnAddressIsAnError() {
        Problems problems = new Problems();
        map(OneRosterFixtures.load("v1p1-bulk").edit("users.csv", t -> t.replace("u-s3,", "u/s3,")), "north", false,
                problems);

        assertThat(problems.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("users.csv:4:sourcedId");
            assertThat(e.sourcedId()).isEqualTo("u/s3");
        });
    }
}
