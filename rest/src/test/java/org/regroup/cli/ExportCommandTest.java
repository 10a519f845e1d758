package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.io.oneroster.ExportFiles;
import org.regroup.domain.io.oneroster.OneRosterExport;
import org.regroup.domain.io.oneroster.Problems;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.SessionPlan;
import org.regroup.store.AttendanceLog;
import org.regroup.store.Database;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;

/**
 * {@code regroup export oneroster|attendance} on a store with a published day (a small plan written into it): the zip
 * our OneRoster reader reads, the same bytes twice, attendance as CSV, and bad input refused with exit 2 and no file.
 */
class ExportCommandTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    private Path data;
    private DayProblem small;

    /** The small school with a published plan of two groups in its first block. */
    @BeforeEach
    void publishedDay() {
        data = dir.resolve("data");
        small = Cli.small();
        List<Student> students = small.students().stream().filter(s -> !s.absent()).limit(5).toList();
        TimeBlock first = small.blocks().get(0);
        BlockPlan block = new BlockPlan(first.id(), first.start(), first.end(), List.of(
                new SessionPlan("S1", null, "small-group", small.staff().get(0).id(), small.spaces().get(0).id(),
                        false, students.subList(0, 3).stream().map(s -> new SessionPlan.Seat(s.id(), null)).toList()),
                new SessionPlan("S2", null, "online", null, small.spaces().get(0).id(), false,
                        students.subList(3, 5).stream().map(s -> new SessionPlan.Seat(s.id(), null)).toList())));
        Plan plan = new Plan(Plan.FORMAT, Plan.VERSION, small.id(), DAY, "0hard/0medium/0soft", true, true, null,
                List.of(block), List.of(), List.of(), List.of());
        try (Database db = Database.open(Database.h2Url(data), null, null, null)) {
            SchoolStore store = new SchoolStore(db);
            store.schools().createSchool("demo", "Demo", small);
            int v = store.versions().startPlan("demo", DAY, "p-1");
            store.versions().finishPlan("demo", DAY, v, plan, plan.score());
            assertThat(store.versions().publish("demo", DAY, v)).isEqualTo(v);
            store.attendance().record("demo", List.of(new AttendanceLog.Mark(DAY, first.id(), students.get(0).id(),
                    "present", "acc-1", java.time.Instant.parse("2026-11-24T08:40:00Z"))));
        }
    }

    private Cli.Run export(String kind, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "export";
        all[1] = kind;
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--data-dir";
        all[args.length + 3] = data.toString();
        return Cli.run(all);
    }

    @Test
    void thePublishedDayIsWrittenAsAOneRosterZipOurReaderReadsTheSameTwice() throws IOException {
        Path out = dir.resolve("out").resolve("day.zip");

        Cli.Run run = export("oneroster", "--school", "demo", "--date", DAY.toString(), "--out", out.toString(),
                "--org", "org-demo");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("2 classes, 6 enrollments");
        Problems problems = new Problems();
        OneRosterExport export = OneRosterExport.read(ExportFiles.read(out), problems);
        assertThat(problems.errors()).isEmpty();
        assertThat(problems.warnings()).as("every column is one OneRoster 1.1 defines").isEmpty();
        assertThat(export.classes()).extracting(OneRosterExport.ClassRow::schoolSourcedId).containsOnly("org-demo");
        assertThat(export.classes()).extracting(OneRosterExport.ClassRow::title)
                .containsExactly(small.blocks().get(0).id() + " · small-group", small.blocks().get(0).id()
                        + " · online");
        assertThat(export.enrollments()).filteredOn(e -> e.role().equals("teacher")).singleElement()
                .satisfies(e -> assertThat(e.userSourcedId()).isEqualTo(small.staff().get(0).id()));
        assertThat(export.enrollments()).filteredOn(e -> e.role().equals("student")).hasSize(5);
        byte[] first = Files.readAllBytes(out);

        assertThat(export("oneroster", "--school", "demo", "--date", DAY.toString(), "--out", out.toString(),
                "--org", "org-demo").exitCode()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(first);
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertThat(left).containsExactly(out); // no temporary file left beside it
        }
    }

    @Test
    void withoutOrgTheDayGoesOutUnderTheOrgTheSchoolWasImportedFrom() throws IOException {
        try (Database db = Database.open(Database.h2Url(data), null, null, null)) {
            Schools schools = new SchoolStore(db).schools();
            DayProblem standing = schools.school("demo").orElseThrow().standing();
            org.regroup.domain.School s = standing.school();
            DayProblem imported = new DayProblem(standing.format(), standing.version(), standing.id(),
                    standing.date(), new org.regroup.domain.School(s.id(), s.name(), s.masteryThreshold(),
                    s.practisingFrom(), s.nearMasteryFrom(), s.catchAll(), "org-from-sis"), standing.blocks(),
                    standing.skills(), standing.prerequisites(), standing.modalities(), standing.activities(),
                    standing.staff(), standing.spaces(), standing.students(), standing.requests(),
                    standing.weights());
            schools.replaceStanding("demo", "Demo", standing, imported);
        }
        Path out = dir.resolve("day.zip");

        assertThat(export("oneroster", "--school", "demo", "--date", DAY.toString(), "--out", out.toString())
                .exitCode()).isZero();

        Problems problems = new Problems();
        OneRosterExport export = OneRosterExport.read(ExportFiles.read(out), problems);
        assertThat(export.classes()).extracting(OneRosterExport.ClassRow::schoolSourcedId)
                .containsOnly("org-from-sis");
    }

    @Test
    void attendanceIsWrittenAsTheCsvAnSisImports() throws IOException {
        Path out = dir.resolve("attendance.csv");

        Cli.Run run = export("attendance", "--school", "demo", "--date", DAY.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("date,block,start,end,studentSourcedId,classSourcedId,status,recordedBy,"
                + "recordedAt");
        assertThat(lines.get(1)).startsWith(DAY + "," + small.blocks().get(0).id() + ",").contains(",present,acc-1,");
    }

    @Test
    void badInputIsExit2AndWritesNothing() {
        Path out = dir.resolve("never.zip");

        Cli.Run notPublished = export("oneroster", "--school", "demo", "--date", "2026-11-25", "--out",
                out.toString());
        Cli.Run noSchool = export("oneroster", "--school", "nowhere", "--date", DAY.toString(), "--out",
                out.toString());
        Cli.Run badDate = export("oneroster", "--school", "demo", "--date", "24.11.2026", "--out", out.toString());
        Cli.Run badOrg = export("oneroster", "--school", "demo", "--date", DAY.toString(), "--org", "a/b", "--out",
                out.toString());

        assertThat(notPublished.exitCode()).as(notPublished.toString()).isEqualTo(2);
        assertThat(notPublished.err()).contains("no published plan of 2026-11-25");
        assertThat(noSchool.exitCode()).as(noSchool.toString()).isEqualTo(2);
        assertThat(noSchool.err()).contains("no school 'nowhere'");
        assertThat(badDate.exitCode()).as(badDate.toString()).isEqualTo(2);
        assertThat(badOrg.exitCode()).as(badOrg.toString()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }
}
