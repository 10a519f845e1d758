package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;

/** {@code regroup generate}: seeded demo days the solver accepts. */
class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesADayTheReaderAccepts() {
        Path file = dir.resolve("small.json");

        Cli.Run run = Cli.run("generate", "--size", "small", "--seed", "1", "--out", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        DayProblem day = DayProblemReader.read(file);
        assertThat(day.id()).isEqualTo("small-seed-1");
        assertThat(run.out()).startsWith("Wrote " + file + ": " + day.students().size() + " students");
    }

    @Test
    void sameSeedGivesIdenticalBytes() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("sub/b.json");

        assertThat(Cli.run("generate", "--size", "small", "--seed", "7", "--out", a.toString()).exitCode()).isZero();
        assertThat(Cli.run("generate", "--size", "small", "--seed", "7", "--out", b.toString()).exitCode()).isZero();

        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    }

    @Test
    void anotherSeedGivesAnotherDay() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");

        Cli.run("generate", "--size", "small", "--seed", "1", "--out", a.toString());
        Cli.run("generate", "--size", "small", "--seed", "2", "--out", b.toString());

        assertThat(Files.readAllBytes(b)).isNotEqualTo(Files.readAllBytes(a));
    }

    @Test
    void sizeIsCaseInsensitive() {
        Path file = dir.resolve("small.json");

        Cli.Run run = Cli.run("generate", "--size", "SMALL", "--out", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(file).isRegularFile();
    }

    @Test
    void studentsGivesASchoolOfThatSize() {
        Path file = dir.resolve("s.json");

        Cli.Run run = Cli.run("generate", "--students", "25", "--seed", "1", "--out", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(DayProblemReader.read(file).students()).hasSize(25);
    }

    @Test
    void unknownSizeListsTheSizes() throws IOException {
        Path file = dir.resolve("huge.json");

        Cli.Run run = Cli.run("generate", "--size", "huge", "--out", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("'huge'").contains("small", "medium", "large", "overconstrained", "offsite")
                .doesNotContain("Exception");
        assertThat(Cli.filesIn(dir)).isEmpty();
    }

    @Test
    void tooFewStudents() throws IOException {
        Path file = dir.resolve("tiny.json");

        Cli.Run run = Cli.run("generate", "--students", "5", "--out", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("--students").contains("10").contains("5").doesNotContain("Exception");
        assertThat(Cli.filesIn(dir)).isEmpty();
    }

    @Test
    void outThatIsADirectoryIsBadInputNotAnInternalError() throws IOException {
        Path target = Files.createDirectory(dir.resolve("days"));

        Cli.Run run = Cli.run("generate", "--size", "small", "--out", target.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("--out " + target + " is a directory")
                .contains("e.g. --out " + target.resolve("day.json")).doesNotContain("internal error");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void outBelowAFileIsBadInput() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");

        Cli.Run run = Cli.run("generate", "--size", "small", "--out", file.resolve("day.json").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(file + " is a file, not a directory").doesNotContain("internal error");
        assertThat(Cli.filesIn(dir)).containsExactly(Path.of("notes.txt"));
    }

    @Test
    void outIsRequired() {
        Cli.Run run = Cli.run("generate", "--size", "small");

        assertThat(run.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("--out").contains("regroup generate --help");
    }
}
