package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.testing.Hostile;

/**
 * The command line's side of the fuzz test ({@code ApiErrorsFuzzIntegrationTest} is the server's): {@code regroup
 * solve} and {@code regroup what-if} on seeded mutations of a valid day and scenario (nulls in lists, wrong types,
 * numbers that overflow, text longer than anything is kept in, dates out of range or with a time, truncated or not
 * UTF-8), and on option values that are not what the option takes. Every run ends in exit 2 with a message and nothing
 * written, or (the input still valid) in 0 or 3 with the plan or report written; never 1, never a stack trace.
 * <p>
 * Seeded like the server's ({@code -Dregroup.fuzz.seed=N}); {@code -Dregroup.fuzz.cliRuns=N} runs another number.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SolveFuzzTest {

    static final long SEED = Long.getLong("regroup.fuzz.seed", 14L);
    static final int RUNS = Integer.getInteger("regroup.fuzz.cliRuns", 300);

    @TempDir
    Path dir;

    @Test
    void everyRunIsAPlanWrittenOrExitTwoWithNothingWritten() throws IOException {
        Hostile hostile = new Hostile(new Random(SEED));
        JsonNode day = Hostile.resource("/fuzz/day.json");
        ObjectNode scenario = (ObjectNode) Hostile.resource("/fuzz/scenario.json");
        scenario.put("base", "day.json");
        ObjectNode variant = (ObjectNode) scenario.withArray("variants").get(0);
        variant.putArray("changes").addObject().put("type", "remove-staff").put("staffId", "a1");
        Map<String, String> failures = new LinkedHashMap<>();
        int bad = 0;
        for (int i = 0; i < RUNS; i++) {
            Path run = Files.createDirectory(dir.resolve("run" + i));
            boolean whatIf = hostile.chance(0.1);
            List<String> args = new ArrayList<>();
            Path output;
            if (whatIf) {
                Files.write(run.resolve("day.json"), Hostile.bytes(day));
                Files.write(run.resolve("scenario.json"), hostile.mutate(scenario));
                output = run.resolve("out").resolve("report.html");
                args.addAll(List.of("what-if", run.resolve("scenario.json").toString(), "--out", output.toString(),
                        "--cores", "1", "--time-limit", "1s"));
            } else {
                Files.write(run.resolve("day.json"), hostile.mutate(day));
                output = run.resolve("out").resolve("plan.json");
                // --step-limit 0: a valid day is planned by construction alone, in a moment
                args.addAll(List.of("solve", run.resolve("day.json").toString(), "--out", output.toString(),
                        "--time-limit", "1s", "--step-limit", "0", "--quiet"));
            }
            if (hostile.chance(0.15)) {
                option(hostile, args, whatIf);
            }
            List<Path> before = Cli.filesIn(run);

            Cli.Run result = Cli.run(args.toArray(String[]::new));

            String wrong = wrong(result, output, before, Cli.filesIn(run));
            if (wrong != null) {
                failures.putIfAbsent(args.get(0) + " " + wrong, "run " + i + ": " + String.join(" ", args)
                        + "\n  input: " + shortened(Files.readString(run.resolve(whatIf ? "scenario.json"
                        : "day.json"), java.nio.charset.StandardCharsets.ISO_8859_1)) + "\n  -> " + wrong + "\n"
                        + result);
            }
            bad += result.exitCode() == RegroupCommand.EXIT_BAD_INPUT ? 1 : 0;
        }
        System.out.printf("cli fuzz: seed %d, %d runs, %d refused as bad input, %d kinds of failure%n", SEED, RUNS,
                bad, failures.size());
        assertThat(failures.values()).as("seed %d (-Dregroup.fuzz.seed=%d): %d kinds of failure:%n%s", SEED, SEED,
                failures.size(), String.join("\n\n", failures.values())).isEmpty();
        assertThat(bad).as("most mutations make the input invalid").isGreaterThan(RUNS / 2);
    }

    /** An option value that is not what the option takes, in place of a good one or added ({@code --out} stays). */
    private static void option(Hostile hostile, List<String> args, boolean whatIf) {
        String value = hostile.pick(List.of("banana", "-1", "0", "-1s", "0s", "99999999999999999999",
                "9223372036854775807h", "1e3", "", " ", "%ZZ", "x".repeat(300), "+10000-01-01"));
        List<String> options = whatIf ? List.of("--time-limit", "--cores")
                : List.of("--time-limit", "--step-limit", "--seed", "--explain", "--unimproved-limit");
        String option = hostile.pick(options);
        int at = args.indexOf(option);
        if (at >= 0) {
            args.set(at + 1, value);
        } else {
            args.add(option);
            args.add(value);
        }
    }

    /** What is wrong with a run, or null. */
    private static String wrong(Cli.Run run, Path output, List<Path> before, List<Path> after) {
        String err = run.err();
        for (String leak : List.of("Exception", "\tat ", "internal error", "Caused by")) {
            if (err.contains(leak) || run.out().contains(leak)) {
                return "says '" + leak.trim() + "'";
            }
        }
        switch (run.exitCode()) {
            case RegroupCommand.EXIT_BAD_INPUT -> {
                if (!err.startsWith("regroup: ")) {
                    return "exit 2 without a message";
                }
                if (!after.equals(before)) {
                    return "exit 2 but wrote " + after.stream().filter(f -> !before.contains(f)).toList();
                }
                return null;
            }
            case 0, RegroupCommand.EXIT_INFEASIBLE -> {
                return Files.isRegularFile(output) ? null : "exit " + run.exitCode() + " without "
                        + output.getFileName();
            }
            default -> {
                return "exit " + run.exitCode();
            }
        }
    }

    private static String shortened(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "… (" + text.length() + " characters)";
    }
}
