package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.store.Database;
import org.regroup.store.SchoolStore;

/**
 * {@code ./regroup import results}: the demo school's sample results previewed, recorded, and recorded again with no
 * change; a file with an error is exit 2 with each error's place, no stack trace, and nothing written.
 */
class ResultsCommandTest {

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

    private long evidence() {
        try (Database db = Database.open(Database.h2Url(dir.resolve("data")), null, null, null)) {
            return new SchoolStore(db).evidence().evidenceCount("demo");
        }
    }

    @BeforeEach
    void demoSchool() {
        Cli.Run made = run("import", "oneroster", DATASETS.resolve("oneroster/demo-district.zip").toString(),
                "--school", "demo", "--template", DATASETS.resolve("small.json").toString());
        assertThat(made.exitCode()).as(made.toString()).isZero();
    }

    @Test
    void theSampleIsPreviewedThenRecordedAndRecordingItAgainChangesNothing() {
        String sample = DATASETS.resolve("results/demo-results.csv").toString();

        Cli.Run dry = run("import", "results", sample, "--school", "demo", "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("Dry run, nothing written: 8 results about 4 students and 6 skills for school "
                + "demo; 8 new, 0 already recorded");
        assertThat(evidence()).isZero();

        Cli.Run applied = run("import", "results", sample, "--school", "demo");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).contains("Recorded: 8 results", "8 new, 0 already recorded");
        assertThat(evidence()).isEqualTo(8);

        Cli.Run again = run("import", "results", sample, "--school", "demo");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Nothing to record: 8 results", "0 new, 8 already recorded");
        assertThat(evidence()).isEqualTo(8);
    }

    @Test
    void aFileWithAnErrorIsExitTwoWithItsPlaceAndWritesNothing() throws IOException {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, "student,skill,correct,observedAt\r\n"
                + "s-demo-0001,1.OA.1,true,2026-11-23\r\n"
                + "s-demo-0002,1.OA.1,perhaps,2026-11-23\r\n", StandardCharsets.UTF_8);

        Cli.Run refused = run("import", "results", file.toString(), "--school", "demo");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("1 error, nothing was imported",
                "results.csv:3:correct (sourcedId s-demo-0002): 'perhaps' is not true, false, 1 or 0")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(evidence()).isZero();

        Cli.Run noFile = run("import", "results", dir.resolve("nothing.csv").toString(), "--school", "demo");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("no such file").doesNotContain("Exception");
        Cli.Run noSchool = run("import", "results", file.toString(), "--school", "elsewhere");
        assertThat(noSchool.exitCode()).isEqualTo(2);
        assertThat(noSchool.err()).contains("no school 'elsewhere'").doesNotContain("Exception");
    }
}
