package org.regroup.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.io.Json;
import picocli.CommandLine;

/**
 * The shapes suite end to end as {@code ./regroup bench --suite shapes} runs it, on two tiny days in a directory of
 * their own, two seeds, 2 s: every day × solver × seed has a record with a scored plan, the deterministic peers ran
 * once per day, the side-by-side report and its plots are written, and the three targets are judged. Completeness,
 * not timing: whether a target is met is not asserted.
 */
class ShapesSuiteTest {

    @Test
    void shapesSuiteWritesACompleteRecord(@TempDir Path shapes, @TempDir Path out) throws Exception {
        for (String day : List.of("keep-apart.json", "quiet-seats.json")) {
            Files.copy(Path.of(getClass().getResource("/witness/" + day).toURI()), shapes.resolve(day));
        }
        StringWriter console = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(console, true));
        int exit = cli.execute("--suite", "shapes", "--limits", "2", "--seeds", "1,2", "--datasets-dir",
                shapes.toString(), "--out-dir", out.toString());
        assertThat(exit).as(console.toString()).isZero();

        SuiteResult result = Json.mapper().readValue(out.resolve("shapes.json").toFile(), SuiteResult.class);
        assertThat(result.spec().solvers()).containsExactly("regroup", "witness", "greedy");
        assertThat(result.scaling()).isEmpty();
        assertThat(result.benchmarker()).isNull();
        for (String day : List.of("keep-apart.json", "quiet-seats.json")) {
            for (String solver : result.spec().solvers()) {
                List<RunRecord> runs = SuiteStats.runs(result, day, solver);
                assertThat(runs).as(day + " × " + solver).extracting(RunRecord::seed).containsExactly(1L, 2L);
                for (RunRecord r : runs) {
                    assertThat(r.error()).as(day + " × " + solver).isNull();
                    assertThat(r.at(2.0)).as(day + " × " + solver).isNotNull();
                }
                if (!solver.equals("regroup")) {
                    assertThat(runs.get(1).facts()).containsEntry("sameRunAsSeed", 1);
                    assertThat(runs.get(1).at(2.0)).isEqualTo(runs.get(0).at(2.0));
                }
            }
            assertThat(SuiteStats.runs(result, day, "witness").get(0).at(2.0).hard()).isZero();
        }
        // each day's bound, computed in a JVM of its own beside the runs, and no workable plan above it
        assertThat(result.bounds()).extracting(DayBound::dataset).containsExactly("keep-apart.json",
                "quiet-seats.json");
        for (DayBound b : result.bounds()) {
            assertThat(b.soft()).as(b.dataset() + ": " + b.error()).isNotNull();
            for (RunRecord r : result.runs().stream().filter(x -> x.dataset().equals(b.dataset())).toList()) {
                RunRecord.Checkpoint c = r.at(2.0);
                if (c.hard() == 0 && c.medium() == 0) {
                    assertThat(c.soft()).as(r.solver() + " on " + b.dataset()).isLessThanOrEqualTo(b.soft());
                }
            }
        }
        assertThat(result.targets()).extracting(SuiteResult.Target::name).hasSize(4);
        assertThat(result.targets()).allSatisfy(t -> assertThat(t.measured()).contains("of 4 runs"));

        String report = Files.readString(out.resolve("shapes.md"));
        assertThat(report).contains("## Targets", "## Side by side", "| goal skills |", "## keep-apart.json", "## quiet-seats.json",
                        "Bound on the soft score of any workable plan", "| gap to bound |")
                .doesNotContain("## Scaling", "## Local-search variants");
        for (String svg : List.of("shapes-placed.svg", "shapes-keep-apart-score.svg", "shapes-quiet-seats-score.svg")) {
            assertThat(report).contains(svg);
            assertThat(Files.readString(out.resolve(svg))).startsWith("<?xml").contains("<svg");
        }

        // The record reads back: the report can be rewritten from it alone.
        Files.delete(out.resolve("shapes.md"));
        int again = new CommandLine(new BenchCommand()).execute("--suite", "shapes", "--report-only", "--datasets-dir",
                shapes.toString(), "--out-dir", out.toString());
        assertThat(again).isZero();
        assertThat(Files.readString(out.resolve("shapes.md"))).contains("## Side by side");
    }
}
