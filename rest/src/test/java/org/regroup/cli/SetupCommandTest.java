package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.store.Database;
import org.regroup.store.SchoolStore;

/**
 * {@code ./regroup import setup spaces}: the demo school's sample previewed, synced, and synced again with no change;
 * what real files hold read right; each fault exit 2 with its file:line:column, no stack trace, nothing written.
 */
class SetupCommandTest {

    private static final Path DATASETS = Path.of("..", "datasets");

    @TempDir
    Path dir;

    private Cli.Run run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dir.resolve("data").toString();
        return Cli.run(all);
    }

    private DayProblem standing() {
        try (Database db = Database.open(Database.h2Url(dir.resolve("data")), null, null, null)) {
            return new SchoolStore(db).schools().school("demo").orElseThrow().standing();
        }
    }

    private Path file(String text) throws IOException {
        Path f = dir.resolve("spaces.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @BeforeEach
    void demoSchool() {
        Cli.Run made = run("import", "oneroster", DATASETS.resolve("oneroster/demo-district.zip").toString(),
                "--school", "demo", "--template", DATASETS.resolve("small.json").toString());
        assertThat(made.exitCode()).as(made.toString()).isZero();
    }

    @Test
    void theSampleIsPreviewedThenSyncedAndSyncingItAgainChangesNothing() {
        String sample = DATASETS.resolve("setup/spaces.csv").toString();
        DayProblem before = standing();

        Cli.Run dry = run("import", "setup", "spaces", sample, "--school", "demo", "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("Dry run, nothing written", "spaces    2 new, 0 changed, 0 gone, 6 unchanged "
                + "(8 after)", "new: SR02, MUSEUM");
        assertThat(standing()).isEqualTo(before);

        Cli.Run applied = run("import", "setup", "spaces", sample, "--school", "demo");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(standing().spaces()).extracting(Space::id).containsExactly("CR01", "CR02", "LAB01", "STUDIO01",
                "LIB01", "SR01", "SR02", "MUSEUM");
        Space room = standing().spaces().get(6);
        assertThat(room.name()).isEqualTo("Small room 2, by the office");
        assertThat(room.features()).containsExactly("quiet", "computers");
        Space museum = standing().spaces().get(7);
        assertThat(museum.kind()).isEqualTo(SpaceKind.OFF_SITE);
        assertThat(museum.travelMinutes()).isEqualTo(20);
        assertThat(standing().students()).isEqualTo(before.students()); // only the spaces changed

        DayProblem synced = standing();
        Cli.Run again = run("import", "setup", "spaces", sample, "--school", "demo");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Nothing to change", "0 new, 0 changed, 0 gone, 8 unchanged");
        assertThat(standing()).isEqualTo(synced);
    }

    @Test
    void aBomCrlfAnyCaseAndUnknownColumnsAreReadAndAChangedAndAGoneSpaceAreListed() throws IOException {
        Path f = file("\uFEFFID,Name,KIND,Capacity,Features,Colour\r\n"
                + "CR01,Room 101,classroom,30,,blue\r\n"
                + "LAB01,Computer lab 1,lab,30,computers,\r\n"
                + "STUDIO01,Open studio 1,studio,70,,\r\n"
                + "LIB01,Library,library,40,quiet,\r\n"
                + "SR01,Small room 1,small-room,7,quiet,\r\n");

        Cli.Run applied = run("import", "setup", "spaces", f.toString(), "--school", "demo");

        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).contains("changed: CR01 (capacity 27 → 30)", "gone: CR02",
                "columns a spaces file does not define, ignored: Colour");
        assertThat(standing().spaces()).extracting(Space::id).doesNotContain("CR02");
    }

    @Test
    void aFileWithAnErrorIsExitTwoWithItsPlaceAndWritesNothing() throws IOException {
        DayProblem before = standing();
        Path bad = file("id,name,kind,capacity,maxGroups,travelMinutes\n"
                + "CR01,Room 101,classroom,27,,\n"
                + "CR01,Again,classroom,27,,\n"
                + "CR02,Room 102,ballroom,0,,\n"
                + "LAB01,Lab,lab,many,,\n");

        Cli.Run refused = run("import", "setup", "spaces", bad.toString(), "--school", "demo");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("nothing was imported",
                "spaces.csv:3:id (sourcedId CR01): space 'CR01' is also on line 2",
                "spaces.csv:4:kind (sourcedId CR02): 'ballroom' is not a kind of space",
                "spaces.csv:4:capacity (sourcedId CR02): '0' is not a whole number of at least 1",
                "spaces.csv:5:capacity (sourcedId LAB01): 'many' is not a whole number of at least 1")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(standing()).isEqualTo(before);

        // what only the school's validator knows, at the file's line and column
        Path invalid = file("id,name,kind,capacity,travelMinutes\n"
                + "CR01,Room 101,classroom,27,15\n");
        Cli.Run notValid = run("import", "setup", "spaces", invalid.toString(), "--school", "demo");
        assertThat(notValid.exitCode()).as(notValid.toString()).isEqualTo(2);
        assertThat(notValid.err()).contains("spaces.csv:2:travelMinutes (sourcedId CR01): only off-site spaces have "
                + "travel time");
        assertThat(standing()).isEqualTo(before);

        Cli.Run missing = run("import", "setup", "spaces", file("id,name\nCR01,Room\n").toString(), "--school",
                "demo");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("spaces.csv:1:kind: the header has no kind column",
                "spaces.csv:1:capacity: the header has no capacity column");
        Cli.Run unclosed = run("import", "setup", "spaces", file("id,name,kind,capacity\nCR01,\"Room,classroom,27\n")
                .toString(), "--school", "demo");
        assertThat(unclosed.exitCode()).isEqualTo(2);
        assertThat(unclosed.err()).contains("the CSV cannot be read here").doesNotContain("Exception");
        Cli.Run kind = run("import", "setup", "rooms", bad.toString(), "--school", "demo");
        assertThat(kind.exitCode()).isEqualTo(2);
        assertThat(kind.err()).contains("'rooms' is not a kind of setup file").doesNotContain("Exception");
        assertThat(standing()).isEqualTo(before);
    }

    @Test
    void theBellScheduleSyncsTheBlocksKeepingWhatTheFileDoesNotCarryAndEachFaultHasItsPlace() throws IOException {
        String sample = DATASETS.resolve("setup/bell-schedule.csv").toString();
        DayProblem before = standing();

        Cli.Run same = run("import", "setup", "bell-schedule", sample, "--school", "demo");
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(same.out()).contains("Nothing to change", "0 new, 0 changed, 0 gone, 6 unchanged");
        assertThat(standing()).isEqualTo(before);

        Path later = dir.resolve("bell.csv");
        Files.writeString(later, "\uFEFFBlock,Start,End\r\nB1,08:30,08:55\r\nB2,9:05,09:45\r\nB3,09:50,10:35\r\n"
                + "B4,10:45,11:30\r\nB5,12:15,13:00\r\nB6,13:05,13:50\r\n", StandardCharsets.UTF_8);
        Cli.Run changed = run("import", "setup", "bell-schedule", later.toString(), "--school", "demo");
        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        assertThat(changed.out()).contains("changed: B2 (start 09:00 → 09:05)");
        assertThat(standing().blocks().get(1).subject()).isEqualTo(before.blocks().get(1).subject()); // kept
        assertThat(standing().blocks().get(0).kind()).isEqualTo(before.blocks().get(0).kind());

        // with the subject and doubleWithNext columns the file sets them; without, a block keeps its own
        Path both = dir.resolve("bell2.csv");
        Files.writeString(both, "block,start,end,kind,subject,doubleWithNext\nB1,08:30,08:55,advisory,,\n"
                + "B2,09:05,09:45,skills,math,yes\nB3,09:50,10:35,skills,math,\nB4,10:45,11:30,skills,,\n"
                + "B5,12:15,13:00,skills,math,\nB6,13:05,13:50,activities,,\n", StandardCharsets.UTF_8);
        Cli.Run set = run("import", "setup", "bell-schedule", both.toString(), "--school", "demo");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).contains("B2 (doubleWithNext false → true)", "B4 (subject math → none)");
        assertThat(standing().blocks().get(1).doubleWithNext()).isTrue();
        Cli.Run kept = run("import", "setup", "bell-schedule", later.toString(), "--school", "demo");
        assertThat(kept.out()).contains("Nothing to change");
        assertThat(standing().blocks().get(1).doubleWithNext()).isTrue();
        assertThat(standing().blocks().get(3).subject()).isNull();
        Files.writeString(both, "block,start,end,doubleWithNext\nB1,08:30,08:55,often\n", StandardCharsets.UTF_8);
        assertThat(run("import", "setup", "bell-schedule", both.toString(), "--school", "demo").err()).contains(
                "bell2.csv:2:doubleWithNext (sourcedId B1): 'often' is not true or false");

        DayProblem synced = standing();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "block,start,end,kind\nB1,08:30,08:20,advisory\nB2,nine,09:45,skills\n"
                + "B2,09:00,09:45,lunch\nB4,10:00,10:45,\nB5,10:30,11:00,\n", StandardCharsets.UTF_8);
        Cli.Run refused = run("import", "setup", "bell-schedule", bad.toString(), "--school", "demo");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("bad.csv:2:end (sourcedId B1): ends at 08:20, not after it starts (08:30)",
                "bad.csv:3:start (sourcedId B2): 'nine' is not a time of day (08:30)",
                "bad.csv:4:block (sourcedId B2): block 'B2' is also on line 3",
                "bad.csv:6:start (sourcedId B5): starts at 10:30, before block 'B4' on line 5 ends (10:45)")
                .doesNotContain("Exception");
        assertThat(standing()).isEqualTo(synced);
    }

    @Test
    void accommodationsAreSyncedPerStudentAndAnUnknownStudentOrBadValueIsAnErrorAtItsLine() throws IOException {
        String sample = DATASETS.resolve("setup/accommodations.csv").toString();

        Cli.Run applied = run("import", "setup", "accommodations", sample, "--school", "demo");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).contains("4 new, 0 changed, 0 gone", "new: s-demo-0003, s-demo-0007");
        DayProblem synced = standing();
        assertThat(synced.students().stream().filter(s -> s.id().equals("s-demo-0007")).findFirst().orElseThrow()
                .accommodations().quietSpace()).isTrue();
        Cli.Run again = run("import", "setup", "accommodations", sample, "--school", "demo");
        assertThat(again.out()).contains("Nothing to change", "4 unchanged");
        assertThat(standing()).isEqualTo(synced);

        Path fewer = dir.resolve("acc.csv");
        Files.writeString(fewer, "Student,oneToOneMinutes,quietSpace\r\ns-demo-0007,45,yes\r\n",
                StandardCharsets.UTF_8);
        Cli.Run changed = run("import", "setup", "accommodations", fewer.toString(), "--school", "demo");
        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        assertThat(changed.out()).contains("changed: s-demo-0007 (oneToOneMinutes 30 → 45)", "gone: s-demo-0003, "
                + "s-demo-0012, s-demo-0020");
        assertThat(standing().students().stream().filter(s -> s.id().equals("s-demo-0003")).findFirst()
                .orElseThrow().accommodations()).isNull();

        DayProblem before = standing();
        Files.writeString(fewer, "student,oneToOneMinutes,quietSpace\ns-demo-0007,lots,yes\ns-nobody,10,\n"
                + "s-demo-0008,10,perhaps\n", StandardCharsets.UTF_8);
        Cli.Run refused = run("import", "setup", "accommodations", fewer.toString(), "--school", "demo");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("acc.csv:2:oneToOneMinutes (sourcedId s-demo-0007): 'lots' is not a whole "
                + "number", "acc.csv:4:quietSpace (sourcedId s-demo-0008): 'perhaps' is not true or false")
                .doesNotContain("Exception");
        Files.writeString(fewer, "student,oneToOneMinutes\ns-nobody,10\n", StandardCharsets.UTF_8);
        Cli.Run unknown = run("import", "setup", "accommodations", fewer.toString(), "--school", "demo");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("acc.csv:2:student (sourcedId s-nobody): no student 's-nobody' in the "
                + "school");
        assertThat(standing()).isEqualTo(before);
    }

    @Test
    void qualificationsAreSyncedPerAdultWithSeveralRecordsEachAndFaultsAtTheirLines() throws IOException {
        String sample = DATASETS.resolve("setup/qualifications.csv").toString();

        Cli.Run applied = run("import", "setup", "qualifications", sample, "--school", "demo");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).contains("8 new, 0 changed, 0 gone");
        DayProblem synced = standing();
        assertThat(synced.staff().stream().filter(s -> s.id().equals("t-demo-math-01")).findFirst().orElseThrow()
                .qualifications()).singleElement().satisfies(q -> {
                    assertThat(q.strand()).isEqualTo("math");
                    assertThat(q.minGrade()).isZero();
                    assertThat(q.maxGrade()).isEqualTo(2);
                });
        Cli.Run again = run("import", "setup", "qualifications", sample, "--school", "demo");
        assertThat(again.out()).contains("Nothing to change", "8 unchanged");
        assertThat(standing()).isEqualTo(synced);

        Path two = dir.resolve("quals.csv");
        Files.writeString(two, "\uFEFFStaff,Strand,MinGrade,MaxGrade\r\nt-demo-math-01,math,K,2\r\n"
                + "t-demo-math-01,Math,4,5\r\n", StandardCharsets.UTF_8);
        Cli.Run changed = run("import", "setup", "qualifications", two.toString(), "--school", "demo");
        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        assertThat(changed.out()).contains("t-demo-math-01 (qualifications math K–2 → math K–2; math 4–5)",
                "gone: a-demo-01, a-demo-02, t-demo-math-02", "7 adults not in the file have no qualifications now");

        DayProblem before = standing();
        Files.writeString(two, "staff,strand,minGrade,maxGrade\nt-demo-math-01,math,5,2\nt-demo-math-02,math,K,"
                + "grade 3\nt-demo-math-03,math,1,2\nt-demo-math-03,math,1,2\nt-nobody,math,1,2\n"
                + "t-demo-math-04,ela,1,2\n", StandardCharsets.UTF_8);
        Cli.Run refused = run("import", "setup", "qualifications", two.toString(), "--school", "demo");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("quals.csv:2:maxGrade (sourcedId t-demo-math-01): grade 2 is below minGrade 5",
                "quals.csv:3:maxGrade (sourcedId t-demo-math-02): 'grade 3' is not a grade (K, 0 to 13)",
                "quals.csv:5:strand (sourcedId t-demo-math-03): the same qualification is also on line 4")
                .doesNotContain("Exception");
        Files.writeString(two, "staff,strand\nt-nobody,math\nt-demo-math-04,ela\n", StandardCharsets.UTF_8);
        Cli.Run unknown = run("import", "setup", "qualifications", two.toString(), "--school", "demo");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("quals.csv:2:staff (sourcedId t-nobody): no staff member 't-nobody' in the "
                + "school", "quals.csv:3:strand (sourcedId t-demo-math-04): no skill of the school is in strand 'ela'");
        assertThat(standing()).isEqualTo(before);
    }

    private org.regroup.domain.Student student(String id) {
        return standing().students().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private org.regroup.domain.Staff adult(String id) {
        return standing().staff().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void staffSettingsAreSyncedAndAnAdultNotListedWorksByTheirRolesDefaults() throws IOException {
        String sample = DATASETS.resolve("setup/staff.csv").toString();

        Cli.Run applied = run("import", "setup", "staff", sample, "--school", "demo");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).contains("7 new, 0 changed, 0 gone");
        assertThat(adult("a-demo-01").modalities()).containsExactly("online-practice", "independent-practice",
                "peer-tutoring");
        assertThat(adult("a-demo-01").maySuperviseOffSite()).isTrue();
        assertThat(adult("t-demo-math-01").modalities()).isNull(); // empty: the role's defaults
        assertThat(adult("t-demo-math-01").maxTeachingBlocks()).isEqualTo(5);
        assertThat(adult("t-demo-math-01").costPerDay()).isEqualTo(420.0);
        DayProblem synced = standing();
        assertThat(run("import", "setup", "staff", sample, "--school", "demo").out()).contains("Nothing to change",
                "7 unchanged");
        assertThat(standing()).isEqualTo(synced);

        Path one = dir.resolve("staff.csv");
        Files.writeString(one, "\uFEFFStaff,Modalities,MaxStudents\r\na-demo-01,online-practice,30\r\n",
                StandardCharsets.UTF_8);
        Cli.Run changed = run("import", "setup", "staff", one.toString(), "--school", "demo");
        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        assertThat(changed.out()).contains("changed: a-demo-01 (modalities online-practice;independent-practice;"
                + "peer-tutoring → online-practice, maxStudents 35 → 30, maySuperviseOffSite true → false, costPerDay "
                + "180.0 → none)", "gone: a-demo-02, t-demo-math-01", "6 adults not in the file work by their role's defaults");
        assertThat(adult("t-demo-math-01").maxTeachingBlocks()).isNull();

        DayProblem before = standing();
        Files.writeString(one, "staff,modalities,maxTeachingBlocks,maxStudents,maySuperviseOffSite,costPerDay\n"
                + "a-demo-01,juggling,,,,\nt-demo-math-01,,-1,0,maybe,cheap\n", StandardCharsets.UTF_8);
        Cli.Run refused = run("import", "setup", "staff", one.toString(), "--school", "demo");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains(
                "staff.csv:3:maxTeachingBlocks (sourcedId t-demo-math-01): '-1' is not a whole number of at least 0",
                "staff.csv:3:maxStudents (sourcedId t-demo-math-01): '0' is not a whole number of at least 1",
                "staff.csv:3:maySuperviseOffSite (sourcedId t-demo-math-01): 'maybe' is not true or false",
                "staff.csv:3:costPerDay (sourcedId t-demo-math-01): 'cheap' is not an amount of at least 0")
                .doesNotContain("Exception");
        Files.writeString(one, "staff,maxStudents\nt-nobody,4\n", StandardCharsets.UTF_8);
        assertThat(run("import", "setup", "staff", one.toString(), "--school", "demo").err()).contains(
                "staff.csv:2:staff (sourcedId t-nobody): no staff member 't-nobody' in the school");
        Files.writeString(one, "staff,modalities\na-demo-01,juggling\n", StandardCharsets.UTF_8);
        Cli.Run unknown = run("import", "setup", "staff", one.toString(), "--school", "demo");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("staff.csv:2:modalities (sourcedId a-demo-01):", "juggling");
        assertThat(standing()).isEqualTo(before);
    }

    @Test
    void goalsAreSyncedPerStudentWithSeveralRecordsEachAndAnUnknownSkillIsAnErrorAtItsOwnLine() throws IOException {
        String sample = DATASETS.resolve("setup/goals.csv").toString();

        Cli.Run applied = run("import", "setup", "goals", sample, "--school", "demo");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).contains("5 new, 0 changed, 0 gone");
        assertThat(student("s-demo-0001").goals()).containsExactly(new org.regroup.domain.Goal("1.OA.6", null, 1),
                new org.regroup.domain.Goal(null, "math/NBT", 2));
        DayProblem synced = standing();
        assertThat(run("import", "setup", "goals", sample, "--school", "demo").out()).contains("Nothing to change");
        assertThat(standing()).isEqualTo(synced);

        Path one = dir.resolve("goals.csv");
        Files.writeString(one, "student,skill,priority\ns-demo-0001,1.OA.6,2\n", StandardCharsets.UTF_8);
        Cli.Run changed = run("import", "setup", "goals", one.toString(), "--school", "demo");
        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        assertThat(changed.out()).contains("changed: s-demo-0001 (goals 1.OA.6 (priority 1); strand math/NBT "
                + "(priority 2) → 1.OA.6 (priority 2))", "gone: s-demo-0005",
                "students not in the file have no standing goals now");
        assertThat(student("s-demo-0005").goals()).isEmpty();

        DayProblem before = standing();
        Files.writeString(one, "student,skill,strand,priority\ns-demo-0001,1.OA.6,,1\ns-demo-0001,9.ZZ.9,,1\n"
                + "s-demo-0002,,math/XX,\ns-demo-0003,1.OA.6,math/OA,\ns-demo-0004,1.OA.6,,0\n"
                + "s-demo-0001,1.OA.6,,3\n", StandardCharsets.UTF_8);
        Cli.Run refused = run("import", "setup", "goals", one.toString(), "--school", "demo");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains(
                "goals.csv:5:strand (sourcedId s-demo-0003): a goal names either a skill or a strand, not both",
                "goals.csv:6:priority (sourcedId s-demo-0004): '0' is not a whole number of at least 1",
                "goals.csv:7:skill (sourcedId s-demo-0001): the same goal is also on line 2")
                .doesNotContain("Exception");
        Files.writeString(one, "student,skill,strand\ns-demo-0001,1.OA.6,\ns-demo-0001,9.ZZ.9,\n"
                + "s-demo-0002,,math/XX\n", StandardCharsets.UTF_8);
        Cli.Run unknown = run("import", "setup", "goals", one.toString(), "--school", "demo");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains(
                "goals.csv:3:skill (sourcedId s-demo-0001): no skill '9.ZZ.9' in the school's skill map",
                "goals.csv:4:strand (sourcedId s-demo-0002): no skill of the school is in strand 'math/XX'");
        assertThat(standing()).isEqualTo(before);
    }

    @Test
    void interestsAreSyncedAndAnInterestNoActivityHasIsOnlyAWarning() throws IOException {
        String sample = DATASETS.resolve("setup/interests.csv").toString();

        Cli.Run applied = run("import", "setup", "interests", sample, "--school", "demo");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(student("s-demo-0005").interests()).containsExactly("art", "music");

        Path one = dir.resolve("interests.csv");
        Files.writeString(one, "student,interests\ns-demo-0005,art; chess ;art\ns-demo-0002,\n",
                StandardCharsets.UTF_8);
        Cli.Run changed = run("import", "setup", "interests", one.toString(), "--school", "demo");
        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        assertThat(changed.out()).contains("changed: s-demo-0005 (interests art;music → art;chess)",
                "no activity of the school is tagged 'chess'", "no interest given: the student has none");
        assertThat(student("s-demo-0002").interests()).isEmpty();

        Files.writeString(one, "student,interests\ns-nobody,art\n", StandardCharsets.UTF_8);
        DayProblem before = standing();
        Cli.Run refused = run("import", "setup", "interests", one.toString(), "--school", "demo");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("interests.csv:2:student (sourcedId s-nobody): no student 's-nobody' in "
                + "the school");
        assertThat(standing()).isEqualTo(before);
    }

    @Test
    void keepApartPairsReadTheSameFromBothSidesAndAPairTwiceOrAStudentWithThemselvesIsAnError() throws IOException {
        String sample = DATASETS.resolve("setup/keep-apart.csv").toString();

        Cli.Run applied = run("import", "setup", "keep-apart", sample, "--school", "demo");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).contains("new: s-demo-0003 + s-demo-0009, s-demo-0015 + s-demo-0021");
        assertThat(student("s-demo-0003").keepApart()).containsExactly("s-demo-0009");
        assertThat(student("s-demo-0009").keepApart()).containsExactly("s-demo-0003");

        Path one = dir.resolve("pairs.csv");
        Files.writeString(one, "apartFrom,student\ns-demo-0003,s-demo-0009\n", StandardCharsets.UTF_8); // reversed
        Cli.Run fewer = run("import", "setup", "keep-apart", one.toString(), "--school", "demo");
        assertThat(fewer.exitCode()).as(fewer.toString()).isZero();
        assertThat(fewer.out()).contains("0 new, 0 changed, 1 gone", "gone: s-demo-0015 + s-demo-0021");
        assertThat(student("s-demo-0021").keepApart()).isEmpty();

        DayProblem before = standing();
        Files.writeString(one, "student,apartFrom\ns-demo-0003,s-demo-0009\ns-demo-0009,s-demo-0003\n"
                + "s-demo-0004,s-demo-0004\ns-demo-0005,\n", StandardCharsets.UTF_8);
        Cli.Run refused = run("import", "setup", "keep-apart", one.toString(), "--school", "demo");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(
                "pairs.csv:3:apartFrom (sourcedId s-demo-0003 + s-demo-0009): the same pair is also on line 2",
                "pairs.csv:4:apartFrom (sourcedId s-demo-0004): a student cannot be kept apart from themselves",
                "pairs.csv:5:apartFrom (sourcedId s-demo-0005): missing: a pair names two students");
        Files.writeString(one, "student,apartFrom\ns-demo-0003,s-nobody\n", StandardCharsets.UTF_8);
        Cli.Run unknown = run("import", "setup", "keep-apart", one.toString(), "--school", "demo");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("pairs.csv:2 (sourcedId s-demo-0003 + s-nobody): no student 's-nobody' in "
                + "the school");
        assertThat(standing()).isEqualTo(before);
    }
}
