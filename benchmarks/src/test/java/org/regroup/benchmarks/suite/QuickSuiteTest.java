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
 * The quick suite end to end, as {@code ./regroup bench --suite quick} runs it but with 3 s per run so the test
 * stays short: every dataset × solver × seed must have a record with a scored plan, the report and plots must be
 * written, and every target must be there. Completeness, not timing: no figure here is compared with a bound, and
 * what a run reaches in its 3 s (a plan at all, a feasible one) is not asserted, only that its record says it
 * consistently: on a busy machine a run may get less far than on an idle one.
 */
class QuickSuiteTest {

    @Test
    void quickSuiteWritesACompleteRecord(@TempDir Path out) throws Exception {
        StringWriter console = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(console, true));
        // the days' bounds take minutes on medium; they are tested on their own (ScoreBoundTest, TargetsTest)
        int exit = cli.execute("--suite", "quick", "--limits", "1.5,3", "--datasets-dir", repo("datasets").toString(),
                "--out-dir", out.toString(), "--skip-bounds");
        assertThat(exit).as(console.toString()).isZero();

        SuiteResult result = Json.mapper().readValue(out.resolve("quick.json").toFile(), SuiteResult.class);
        SuiteSpec spec = result.spec();
        assertThat(result.machine().cores()).isPositive();
        assertThat(result.machine().javaVersion()).isNotBlank();
        assertThat(spec.solvers()).contains("regroup", "cp-sat", "greedy", "static-tracking");

        for (String day : List.of("small.json", "medium.json")) {
            for (String solver : spec.solvers()) {
                List<RunRecord> runs = SuiteStats.runs(result, day, solver);
                assertThat(runs).as(day + " × " + solver).hasSize(spec.seeds().size());
                for (RunRecord r : runs) {
                    assertThat(r.students()).as("%s × %s: %s", day, solver, r.error()).isPositive();
                    if (solver.equals("cp-sat")) {
                        // in 3 s CP-SAT may find no plan (it needs ~15 s on small): then the record says so
                        assertThat(r.facts()).containsKeys("status", "numVariables", "modelBuildMillis");
                        if (r.checkpoints().isEmpty()) {
                            assertThat(r.error()).startsWith("no plan within");
                            continue;
                        }
                    }
                    if (solver.equals("regroup") && r.checkpoints().isEmpty()) {
                        // building medium takes about a second on an idle machine; on a busy one 3 s may end it
                        // before every student is placed: then the record has no plan and says so nowhere else
                        assertThat(r.error()).as(day + " × regroup").isNull();
                        assertThat(r.timeline()).as(day + " × regroup").isEmpty();
                        assertThat(r.firstPlanSeconds()).isNull();
                        assertThat(r.firstFeasibleSeconds()).isNull();
                        continue;
                    }
                    assertThat(r.error()).as(day + " × " + solver).isNull();
                    assertThat(r.checkpoints()).as(day + " × " + solver + " checkpoints")
                            .extracting(RunRecord.Checkpoint::atSeconds).contains(3.0);
                    RunRecord.Checkpoint last = r.at(3.0);
                    assertThat(last.score()).isEqualTo(last.hard() + "hard/" + last.medium() + "medium/" + last.soft()
                            + "soft");
                    assertThat(last.placedShare()).isBetween(0.0, 1.0);
                    assertThat(last.goalSkillShare()).isBetween(0.0, 1.0);
                    assertThat(r.timeline()).isNotEmpty();
                    assertThat(r.firstPlanSeconds()).isNotNull();
                    assertThat(r.peakHeapMiB()).isPositive();
                }
            }
        }
        assertThat(SuiteStats.runs(result, "small.json", "regroup").get(0).scoreCalculationSpeed()).isPositive();
        assertThat(result.scaling()).extracting(RunRecord::dataset).containsExactly("generated-100", "generated-300");
        // Whether 3 s suffice for a feasible plan depends on the machine; the record must say which it was.
        assertThat(result.scaling()).allSatisfy(r -> {
            assertThat(r.error()).isNull();
            assertThat(r.students()).isPositive();
            assertThat(r.firstFeasibleSeconds() != null).as("%s: a first feasible time iff a feasible plan in %s",
                    r.dataset(), r.timeline()).isEqualTo(r.timeline().stream().anyMatch(p -> p.hard() == 0));
            if (r.firstFeasibleSeconds() != null) {
                assertThat(r.firstFeasibleSeconds()).isGreaterThanOrEqualTo(r.firstPlanSeconds());
            }
        });
        assertThat(result.benchmarker()).as("the Benchmarker's run ended (its log is under %s)", out).isNotNull();
        assertThat(result.benchmarker().results()).hasSize(3);
        assertThat(result.targets()).extracting(SuiteResult.Target::name).containsExactly(
                "small: within 0.5% of CP-SAT's proven optimum at 10 s",
                "medium.json: Regroup's score ≥ CP-SAT's at equal limits",
                "medium.json: first feasible plan ≥10× sooner than CP-SAT",
                "goal-skill share: Regroup ≥ greedy, with 0 hard / 0 medium",
                "goal-skill share: Regroup ≥ 30 points above static-tracking",
                "staff-led time for students with accommodations: Regroup ≥ 10 points above static-tracking",
                "goal-skill share: Regroup ≥ 30 points above greedy",
                "staff-led time for students with accommodations: Regroup ≥ 10 points above greedy",
                "3,000 students: time to feasible ≤ 3× that of 1,000", "3,000 students: heap ≤ 1 GiB");
        assertThat(result.targets()).allSatisfy(t -> assertThat(t.measured()).isNotBlank());

        String report = Files.readString(out.resolve("quick.md"));
        assertThat(report).contains("## Targets", "## small.json", "## medium.json", "## Scaling",
                "## CP-SAT's own figures", "## Local-search variants");
        for (String svg : List.of("quick-small-score.svg", "quick-medium-score.svg", "quick-scaling-time.svg",
                "quick-scaling-heap.svg")) {
            assertThat(report).contains(svg);
            assertThat(Files.readString(out.resolve(svg))).startsWith("<?xml").contains("<svg");
        }
    }

    /** The repository root, wherever Maven runs the test from. */
    static Path repo(String child) {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve("datasets"))) {
            here = here.getParent();
        }
        return here.resolve(child);
    }
}
