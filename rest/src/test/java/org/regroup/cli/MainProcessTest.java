package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code RegroupCommand.main} in its own JVM, as {@code ./regroup} runs it: the exit code reaches the shell, and
 * stderr carries nothing but Regroup's own lines.
 */
class MainProcessTest {

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private Result main(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), RegroupCommand.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue(); // seconds when idle
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    @Test
    void quietSolvePrintsTheSummaryAndNothingOnStderrAndExitsZero() throws Exception {
        Path input = Cli.writeSmall(dir);

        Result run = main("solve", input.getFileName().toString(), "--time-limit", "1s", "--seed", "1", "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isIn(0, RegroupCommand.EXIT_INFEASIBLE);
        assertThat(run.err()).as("no Timefold INFO lines, no progress").isEmpty();
        assertThat(run.out()).contains("Score", "Plan written to small.plan.json");
        // Without --out the plan lands in the working directory.
        assertThat(dir.resolve("small.plan.json")).isRegularFile();
    }

    @Test
    void badInputExitsTwoThroughTheShell() throws Exception {
        Result run = main("solve", "missing.json");

        assertThat(run.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).startsWith("regroup: missing.json: 1 error").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
        assertThat(Cli.filesIn(dir)).isEmpty();
    }
}
