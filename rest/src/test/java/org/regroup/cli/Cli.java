package org.regroup.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.io.Json;
import picocli.CommandLine;

/** Runs the command line in-process, capturing what it prints; and the day problems the tests feed it. */
final class Cli {

    private static DayProblem small;

    private Cli() {
    }

    /** What one run of {@code regroup ARGS} did. */
    record Run(int exitCode, String out, String err, Duration elapsed) {
        @Override
        public String toString() {
            return "exit " + exitCode + " after " + elapsed.toMillis() + " ms\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RegroupCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** The SMALL demo day, seed 1 (generated once per test JVM). */
    static synchronized DayProblem small() {
        if (small == null) {
            small = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
        }
        return small;
    }

    static Path writeSmall(Path dir) throws IOException {
        Path file = dir.resolve("small.json");
        Json.writeAtomically(file, small());
        return file;
    }

    /** The SMALL day as a JSON tree, to break in one place. */
    static ObjectNode smallTree() {
        return Json.mapper().valueToTree(small());
    }

    static Path write(Path dir, String name, Object json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json instanceof String s ? s : Json.mapper().writeValueAsString(json));
        return file;
    }

    /** Every file under {@code dir}, hidden temporaries included. */
    static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
