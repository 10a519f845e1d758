package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Skill;
import org.regroup.domain.Student;
import org.regroup.store.Database;
import org.regroup.store.SchoolStore;

/**
 * {@code ./regroup import skill-map}: the bundled CCSS file into a school that has it changes nothing; a second
 * subject is added and synced (a skill gone, one changed) leaving math as it is; each fault exit 2 with its place, no
 * stack trace, nothing written.
 */
class SkillMapCommandTest {

    private static final Path DATASETS = Path.of("..", "datasets");
    private static final String CCSS = DATASETS.resolve("ccss-math-k8/zimba_ccssm_k8_edges.csv").toString();
    private static final Path SCIENCE = DATASETS.resolve("skill-maps/synthetic-science.json");

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

    /** The standing data changed as a school's staff could (a student's starting estimate, a goal). */
    private void edit(java.util.function.UnaryOperator<Student> first) {
        try (Database db = Database.open(Database.h2Url(dir.resolve("data")), null, null, null)) {
            var schools = new SchoolStore(db).schools();
            var school = schools.school("demo").orElseThrow();
            DayProblem d = school.standing();
            java.util.List<Student> students = new java.util.ArrayList<>(d.students());
            students.set(0, first.apply(students.get(0)));
            schools.replaceStanding("demo", school.name(), d, new DayProblem(d.format(), d.version(), d.id(),
                    d.date(), d.school(), d.blocks(), d.skills(), d.prerequisites(), d.modalities(), d.activities(),
                    d.staff(), d.spaces(), students, d.requests(), d.weights()));
        }
    }

    private void school(String template) {
        Cli.Run made = run("import", "oneroster", DATASETS.resolve("oneroster/demo-district.zip").toString(),
                "--school", "demo", "--template", DATASETS.resolve(template).toString());
        assertThat(made.exitCode()).as(made.toString()).isZero();
    }

    @Test
    void theBundledCcssFileIntoASchoolThatHasTheWholeGraphChangesNothing() {
        school("medium.json"); // the whole K-8 graph
        DayProblem before = standing();

        Cli.Run again = run("import", "skill-map", CCSS, "--school", "demo");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Nothing to change in skills of math of school demo",
                "Skills    0 new, 0 changed, 0 gone, 283 unchanged (283 after)",
                "Prerequisites 0 added, 0 removed (452 after)");
        assertThat(standing()).isEqualTo(before);
    }

    @Test
    void aSecondSubjectIsAddedThenSyncedWithOneSkillGoneAndOneChangedAndMathStaysAsItIs() throws IOException {
        school("small.json");
        DayProblem before = standing();

        Cli.Run dry = run("import", "skill-map", SCIENCE.toString(), "--school", "demo", "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("Dry run, nothing written", "skills of science of school demo",
                "Skills    12 new, 0 changed, 0 gone, 0 unchanged (12 after)", "Prerequisites 11 added, 0 removed",
                "note: skills of other subjects are left as they are: math 255");
        assertThat(standing()).isEqualTo(before);

        Cli.Run applied = run("import", "skill-map", SCIENCE.toString(), "--school", "demo");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        DayProblem added = standing();
        assertThat(added.skills()).hasSize(255 + 12);
        assertThat(added.skills().stream().filter(s -> s.subject().equals("math")).toList())
                .isEqualTo(before.skills());
        assertThat(added.prerequisites()).hasSize(before.prerequisites().size() + 11);

        // a student's starting estimate of SCI.PS.5, which goes; SCI.PS.6 is reworded
        edit(st -> st.withMastery(Map.of("SCI.PS.5", 0.8, "SCI.PS.1", 0.4)));
        String text = Files.readString(SCIENCE, StandardCharsets.UTF_8).replace("\"SCI.PS.5\"", "\"SCI.PS.5-OLD\"")
                .replace("Compare how well different materials let light through.", "Compare how materials let "
                        + "light through.");
        Path edited = dir.resolve("science-v2.json");
        Files.writeString(edited, text, StandardCharsets.UTF_8);
        Cli.Run synced = run("import", "skill-map", edited.toString(), "--school", "demo", "--strand", "science");
        assertThat(synced.exitCode()).as(synced.toString()).isZero();
        assertThat(synced.out()).contains("Skills    1 new, 1 changed, 1 gone, 10 unchanged (12 after)",
                "new: SCI.PS.5-OLD", "changed: SCI.PS.6 (name)", "gone: SCI.PS.5",
                "note: 1 skills of science not in the file leave the school's skill map");
        DayProblem after = standing();
        assertThat(after.skills()).extracting(Skill::id).contains("SCI.PS.5-OLD").doesNotContain("SCI.PS.5");
        assertThat(after.skills().stream().filter(s -> s.subject().equals("math")).toList())
                .isEqualTo(before.skills());
        assertThat(after.students().get(0).mastery()).isEqualTo(Map.of("SCI.PS.1", 0.4));
        assertThat(after.students().subList(1, after.students().size()))
                .isEqualTo(before.students().subList(1, before.students().size()));
        assertThat(synced.out()).contains("1 students' starting estimates of them dropped");
    }

    @Test
    void aFileWithAnErrorIsExitTwoWithEveryPlaceAndWritesNothing() throws IOException {
        school("small.json");
        DayProblem before = standing();
        Path bad = dir.resolve("edges.csv");
        Files.writeString(bad, "EdgeDesc,Begin,End,Note\n"
                + "Arrow,8.EE.1,8.EE.2,\n"
                + "Arrow,8.EE.2,8.EE.1,\n"
                + "Arrow,8.EE.2,Exponents,\n", StandardCharsets.UTF_8);

        Cli.Run refused = run("import", "skill-map", bad.toString(), "--school", "demo");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("2 errors, nothing was imported",
                "edges.csv:4:End (sourcedId Exponents): 'Exponents' is not a code of the CCSS format",
                "edges.csv:3:Begin (sourcedId 8.EE.1): prerequisites form a cycle: 8.EE.1 -> 8.EE.2 -> 8.EE.1")
                .doesNotContain("Exception", "\tat ");
        assertThat(standing()).isEqualTo(before);

        Path json = dir.resolve("case.json");
        Files.writeString(json, "{\"CFDocument\": {\"identifier\": \"d\", \"subject\": \"Science\"},\n"
                + " \"CFItems\": [{\"identifier\": \"i1\", \"educationLevel\": [\"KG\"]}], \"CFAssociations\": []}",
                StandardCharsets.UTF_8);
        Cli.Run missing = run("import", "skill-map", json.toString(), "--school", "demo");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err()).contains("case.json:$.CFItems[0].fullStatement (sourcedId i1): missing: the "
                + "item's fullStatement");

        assertThat(run("import", "skill-map", CCSS, "--school", "demo", "--format", "xml").exitCode()).isEqualTo(2);
        assertThat(run("import", "skill-map", CCSS, "--school", "demo", "--strand", "Math/NF").exitCode())
                .isEqualTo(2);
        assertThat(run("import", "skill-map", CCSS, "--school", "nowhere").exitCode()).isEqualTo(2);
        assertThat(run("import", "skill-map", "no-such.csv", "--school", "demo").exitCode()).isEqualTo(2);
        assertThat(standing()).isEqualTo(before);
    }

    @Test
    void aGoneSkillAGoalStillNamesIsAnErrorAtItsJsonPath() throws IOException {
        school("small.json");
        assertThat(run("import", "skill-map", SCIENCE.toString(), "--school", "demo").exitCode()).isZero();
        edit(st -> new Student(st.id(), st.name(), st.grade(), st.advisorId(), st.mastery(),
                java.util.List.of(new org.regroup.domain.Goal("SCI.PS.6", null, 1)), st.interests(),
                st.prefersModalities(), st.avoidsModalities(), st.accommodations(), st.keepApart(), st.peers(),
                st.absent(), st.presentBlocks(), st.commitments()));
        DayProblem before = standing();
        Path edited = dir.resolve("science.json");
        Files.writeString(edited, Files.readString(SCIENCE, StandardCharsets.UTF_8).replace("\"SCI.PS.6\"",
                "\"SCI.PS.7\""), StandardCharsets.UTF_8);

        Cli.Run refused = run("import", "skill-map", edited.toString(), "--school", "demo");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("standing data after the import:$.students[0].goals[0].skill: unknown "
                + "skill 'SCI.PS.6'");
        assertThat(standing()).isEqualTo(before);
    }
}
