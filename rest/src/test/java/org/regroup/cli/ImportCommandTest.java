package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.store.Database;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;

/**
 * {@code ./regroup import oneroster} on the store a server uses: a dry run writes nothing, an import writes what it
 * listed, the same export again changes nothing, a delta changes what it says, and bad input is exit 2 with every
 * error's file:line:column and nothing written.
 */
class ImportCommandTest {

    private static final Path FIXTURES = Path.of("..", "domain", "src", "test", "resources", "oneroster");
    private static final String TEMPLATE = Path.of("..", "datasets", "small.json").toString();

    @TempDir
    Path dir;

    private Cli.Run importing(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "import";
        all[1] = "oneroster";
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--data-dir";
        all[args.length + 3] = dir.resolve("data").toString();
        return Cli.run(all);
    }

    /** A fixture copied to a folder of the test's, with {@code file} changed. */
    private Path copy(String fixture, String file, UnaryOperator<String> change) throws IOException {
        Path to = dir.resolve(fixture + "-copy");
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(FIXTURES.resolve(fixture))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Files.writeString(to.resolve(f.getFileName()), f.getFileName().toString().equals(file)
                        ? change.apply(text) : text, StandardCharsets.UTF_8);
            }
        }
        return to;
    }

    private Optional<Schools.SchoolRecord> stored(String school) {
        try (Database db = Database.open(Database.h2Url(dir.resolve("data")), null, null, null)) {
            return new SchoolStore(db).schools().school(school);
        }
    }

    @Test
    void aDryRunListsTheChangesAndWritesNothingThenTheImportWritesThemAndAgainChangesNothing() {
        String export = FIXTURES.resolve("v1p1-bulk").toString();

        Cli.Run dry = importing(export, "--school", "north", "--template", TEMPLATE, "--dry-run");

        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("Dry run, nothing written", "Students  3 new, 0 changed, 0 gone",
                "new: u-s1, u-s2, u-s3", "Staff     3 new", "u-t1: math grades K–2 (classes k-math)",
                "demographics.csv: not needed to plan a day");
        assertThat(dry.out()).doesNotContain("Ana").doesNotContain("Mendes"); // ids only
        assertThat(stored("north")).isEmpty();

        Cli.Run applied = importing(export, "--school", "north", "--template", TEMPLATE,
                "--accept-qualifications");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).contains("Created school north from org sch-north", "(applied)");
        assertThat(stored("north")).hasValueSatisfying(s -> {
            assertThat(s.standing().students()).hasSize(3);
            assertThat(s.standing().staff()).hasSize(3);
            assertThat(s.standing().blocks()).isNotEmpty();
        });

        Cli.Run again = importing(export, "--school", "north", "--accept-qualifications");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Nothing to change in school north", "0 new, 0 changed, 0 gone, 3 unchanged");
    }

    @Test
    void aDeltaChangesWhatItSaysAndAZipIsReadLikeAFolder() {
        assertThat(importing(FIXTURES.resolve("v1p1-bulk").toString(), "--school", "north", "--template", TEMPLATE)
                .exitCode()).isZero();

        Cli.Run delta = importing(FIXTURES.resolve("v1p1-delta").toString(), "--school", "north", "--org",
                "sch-north");

        assertThat(delta.exitCode()).as(delta.toString()).isZero();
        assertThat(delta.out()).contains("Students  1 new, 1 changed, 1 gone, 1 unchanged (3 after)", "new: u-s5",
                "changed: u-s2 (grade 3 → 4)", "gone: u-s3", "users delta");
        assertThat(stored("north").orElseThrow().standing().students()).extracting(s -> s.id())
                .containsExactly("u-s1", "u-s2", "u-s5");

        Cli.Run zip = importing(Path.of("..", "datasets", "oneroster", "demo-district.zip").toString(), "--school",
                "demo", "--template", TEMPLATE);
        assertThat(zip.exitCode()).as(zip.toString()).isZero();
        assertThat(zip.out()).contains("Created school demo from org org-demo", "Students  60 new");
    }

    @Test
    void badInputIsExitTwoWithEveryErrorsPlaceNoStackTraceAndNothingWritten() throws IOException {
        assertThat(importing(FIXTURES.resolve("v1p1-bulk").toString(), "--school", "north", "--template", TEMPLATE)
                .exitCode()).isZero();
        Schools.SchoolRecord before = stored("north").orElseThrow();
        Path broken = copy("v1p1-bulk", "users.csv", t -> t.replace(",03,", ",grade three,")
                .replace("Gus,Hale", "Gus,Hall").replace("u-x1,", "u-s1,"));

        Cli.Run refused = importing(broken.toString(), "--school", "north");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains("2 errors, nothing was imported",
                "users.csv:3:grades (sourcedId u-s2): 'grade three' is not a OneRoster grade",
                "users.csv:10:sourcedId (sourcedId u-s1): sourcedId u-s1 is also on line 2");
        assertThat(refused.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(stored("north").orElseThrow().standing()).isEqualTo(before.standing());

        Cli.Run missing = importing(dir.resolve("nothing-here.zip").toString(), "--school", "north");
        assertThat(missing.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(missing.err()).contains("nothing-here.zip: no such file or folder");
        Cli.Run noTemplate = importing(FIXTURES.resolve("v1p1-bulk").toString(), "--school", "south");
        assertThat(noTemplate.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(noTemplate.err()).contains("school south is not in the store yet: give a template");
        assertThat(stored("south")).isEmpty();
    }

    @Test
    void aGeneratedDistrictIsTheSameForTheSameSeedAndImports() throws IOException {
        Path one = dir.resolve("one.zip");
        Path two = dir.resolve("two.zip");

        Cli.Run generated = Cli.run("generate", "--oneroster", "--students", "100", "--seed", "3", "--out",
                one.toString());
        assertThat(Cli.run("generate", "--oneroster", "--students", "100", "--seed", "3", "--out", two.toString())
                .exitCode()).isZero();

        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        assertThat(Files.readAllBytes(one)).isEqualTo(Files.readAllBytes(two));
        Cli.Run dry = importing(one.toString(), "--school", "demo", "--template", TEMPLATE, "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("Students  100 new", "from org org-demo");
        assertThat(Cli.run("generate", "--oneroster", "--size", "small", "--out", one.toString()).exitCode())
                .isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
    }
}
