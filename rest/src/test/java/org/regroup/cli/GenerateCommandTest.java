package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.DayProblem;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.demo.shapes.Shapes;
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

    @Test
    void shapeWritesTheNamedShapeAndItsSeatArithmetic() throws IOException {
        Path file = dir.resolve("studio.json");

        Cli.Run run = Cli.run("generate", "--shape", "studio", "--seed", "1", "--out", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        DayProblem day = DayProblemReader.read(file);
        assertThat(day.id()).isEqualTo("studio-seed-1");
        assertThat(day.students()).hasSize(150);
        assertThat(run.out()).startsWith("Wrote " + file + ": 150 students, 6 staff, 3 spaces, 5 blocks")
                .contains("Seats: seats for everyone in every block");
        assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(Path.of("..", "datasets", "shapes",
                "studio.json")));
    }

    @Test
    void shapeNamesAreCaseInsensitive() {
        Path file = dir.resolve("tiny.json");

        Cli.Run run = Cli.run("generate", "--shape", " Tiny ", "--out", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(DayProblemReader.read(file).id()).isEqualTo("tiny-seed-1");
    }

    @Test
    void optionsChangeTheShapeAndTheIdSaysSo() {
        Path file = dir.resolve("custom.json");

        Cli.Run run = Cli.run("generate", "--shape", "tight-ratio", "--students", "100", "--students-per-adult",
                "10", "--studio-share", "1", "--accommodation-load", "0", "--late-share", "0.2", "--seed", "4",
                "--out", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        DayProblem day = DayProblemReader.read(file);
        assertThat(day.id()).isEqualTo("tight-ratio-custom-seed-4");
        assertThat(day.students()).hasSize(100);
        assertThat(day.staff()).hasSize(10);
        assertThat(day.spaces()).noneMatch(s -> s.kind() == SpaceKind.CLASSROOM);
        assertThat(day.students()).allSatisfy(s -> assertThat(s.accommodations()).isNull());
        assertThat(day.students().stream().filter(s -> s.presentBlocks() != null).count()).isEqualTo(20);
    }

    @Test
    void offsiteTravelAndTheOtherSharesTooWhenTheShapeHasRoomForThem() {
        Path file = dir.resolve("trip.json");

        Cli.Run run = Cli.run("generate", "--shape", "no-lab", "--offsite-travel", "25", "--part-time-share", "0.3",
                "--adult-led-share", "0.5", "--behind-share", "0.4", "--keep-apart-share", "0.1", "--catch-all",
                "--out", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        DayProblem day = DayProblemReader.read(file);
        assertThat(day.spaces()).anySatisfy(s -> assertThat(s.travelMinutes()).isEqualTo(25));
        assertThat(day.school().catchAll()).hasSize(1);
    }

    @Test
    void unknownShapeListsTheShapes() throws IOException {
        Path file = dir.resolve("x.json");

        Cli.Run run = Cli.run("generate", "--shape", "castle", "--out", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("unknown shape 'castle'").contains(Shapes.names())
                .doesNotContain("Exception");
        assertThat(Cli.filesIn(dir)).isEmpty();
    }

    @Test
    void badValuesNameTheOption() throws IOException {
        Path file = dir.resolve("x.json");
        String[][] cases = {
                {"--students-per-adult", "0", "--students-per-adult must be above 0, was 0.0"},
                {"--adult-led-share", "-1", "--adult-led-share must be above 0, was -1.0"},
                {"--studio-share", "1.5", "--studio-share is a share between 0 and 1, was 1.5"},
                {"--accommodation-load", "-2", "--accommodation-load cannot be negative, was -2.0"},
                {"--offsite-travel", "-5", "--offsite-travel cannot be negative, was -5"},
                {"--part-time-share", "2", "--part-time-share is a share between 0 and 1, was 2.0"},
                {"--late-share", "-0.1", "--late-share is a share between 0 and 1, was -0.1"},
                {"--students", "0", "--students must be at least 1, was 0"}};
        for (String[] c : cases) {
            Cli.Run run = Cli.run("generate", "--shape", "studio", c[0], c[1], "--out", file.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).as(c[0]).contains(c[2]).doesNotContain("Exception");
        }
        assertThat(Cli.filesIn(dir)).isEmpty();
    }

    @Test
    void notANumberIsBadInput() {
        Cli.Run run = Cli.run("generate", "--shape", "studio", "--late-share", "lots", "--out",
                dir.resolve("x.json").toString());

        assertThat(run.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("--late-share").contains("lots");
    }

    @Test
    void aShapeThatCannotTakeTheOptionSaysWhy() throws IOException {
        Path file = dir.resolve("x.json");

        Cli.Run trip = Cli.run("generate", "--shape", "studio", "--offsite-travel", "20", "--out", file.toString());
        Cli.Run teachers = Cli.run("generate", "--shape", "studio", "--adult-led-share", "0.9", "--out",
                file.toString());
        Cli.Run scale = Cli.run("generate", "--shape", "scale-1000", "--students", "300", "--out", file.toString());

        assertThat(trip.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(trip.err()).contains("'studio'").contains("no activities block for a trip");
        assertThat(teachers.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(teachers.err()).contains("adult-led share of 0.9");
        assertThat(scale.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(scale.err()).contains("scale-1000").contains("takes no options");
        assertThat(Cli.filesIn(dir)).isEmpty();
    }

    @Test
    void shapeOptionsNeedAShapeAndAShapeNoSize() throws IOException {
        Path file = dir.resolve("x.json");

        Cli.Run noShape = Cli.run("generate", "--size", "small", "--late-share", "0.2", "--out", file.toString());
        Cli.Run both = Cli.run("generate", "--size", "small", "--shape", "tiny", "--out", file.toString());

        assertThat(noShape.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(noShape.err()).contains("--late-share changes a school shape: give --shape NAME too");
        assertThat(both.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(both.err()).contains("either --size or --shape");
        assertThat(Cli.filesIn(dir)).isEmpty();
    }

    @Test
    void helpNamesEveryShapeAndOption() {
        Cli.Run run = Cli.run("generate", "--help");

        assertThat(run.exitCode()).isZero();
        String help = run.out().replaceAll("\\s+", " ");
        assertThat(Shapes.names()).allSatisfy(name -> assertThat(help).contains(name));
        assertThat(help).contains("--shape", "--students-per-adult", "--adult-led-share", "--studio-share",
                "--accommodation-load", "--offsite-travel", "--part-time-share", "--late-share", "--behind-share",
                "--keep-apart-share", "--[no-]catch-all");
    }
}
