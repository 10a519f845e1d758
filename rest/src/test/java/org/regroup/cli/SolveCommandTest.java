package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Plan;

/**
 * {@code regroup solve} on a good day: exit code, the plan file, the summary, progress and --explain. Solves whose
 * plan must be feasible are seeded and ended by {@code --step-limit}, so they reach the same plan on a busy machine as
 * on an idle one ({@code --time-limit 10m} is only a guard).
 */
class SolveCommandTest {

    /** Local-search steps: a second or so on an idle machine; the small day is feasible long before. */
    static final String STEPS = "300";

    @TempDir
    static Path dir;

    private static Path input;
    /** {@code solve small.json --step-limit 300 --seed 1 --out plan.json --quiet}, run once for the tests below. */
    private static Cli.Run quiet;
    private static Path quietPlan;

    @BeforeAll
    static void solveOnce() throws IOException {
        input = Cli.writeSmall(dir);
        quietPlan = dir.resolve("plan.json");
        quiet = Cli.run("solve", input.toString(), "--time-limit", "10m", "--step-limit", STEPS, "--seed", "1",
                "--out", quietPlan.toString(), "--quiet");
    }

    @Test
    void solvesTheSmallDayAndWritesAFeasiblePlan() throws IOException {
        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quietPlan).isRegularFile();
        Plan plan = Json.mapper().readValue(quietPlan.toFile(), Plan.class);
        assertThat(plan.format()).isEqualTo("regroup/plan");
        assertThat(plan.version()).isEqualTo(Plan.VERSION);
        assertThat(plan.problemId()).isEqualTo(Cli.small().id());
        assertThat(plan.score()).matches("0hard/-?\\d+medium/-?\\d+soft");
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.students()).isNotEmpty();
        // Nothing but the input and the plan: the temporary file of the atomic write is gone.
        assertThat(Cli.filesIn(dir)).filteredOn(p -> !p.startsWith("other"))
                .containsExactlyInAnyOrder(Path.of("small.json"), Path.of("plan.json"));
    }

    @Test
    void printsTheKpisAndWherePlanWasWritten() {
        assertThat(quiet.out()).contains("Score", "0hard/", "(feasible", "Solved in", "Placed", "student-blocks",
                "Goal skills", "Staff-led time", "Accommodations", "Variety", "Staff ", "Sessions");
        assertThat(quiet.out()).contains("Plan written to " + quietPlan);
    }

    @Test
    void quietPrintsNoProgress() {
        assertThat(quiet.err()).doesNotContain("best").doesNotContain("Planning");
    }

    @Test
    void withoutQuietOffATerminalShowsProgressLinesAndExplainsAStudentBlock() throws IOException {
        DayProblem day = Cli.small();
        String block = day.blocks().get(1).id();
        String student = day.students().stream().filter(s -> s.availableIn(block)).map(Student::id).findFirst()
                .orElseThrow();
        Path plan = dir.resolve("other/explained.plan.json");

        Cli.Run run = Cli.run("solve", input.toString(), "--time-limit", "10m", "--step-limit", STEPS, "--seed", "1",
                "--out", plan.toString(), "--explain", student + "@" + block);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(plan).isRegularFile();
        // Off a terminal (as here), progress is plain lines, not a bar redrawn with \r.
        assertThat(run.err()).contains("Planning " + day.id()).contains("  best ").contains("final best")
                .doesNotContain("\r");
        assertThat(run.out()).contains("Plan written to " + plan)
                .contains("Explanation for " + student + " in block " + block)
                .contains("Block " + block + " (");
        assertThat(run.out().indexOf("Explanation")).isGreaterThan(run.out().indexOf("Plan written to"));
    }

    @Test
    void explainsAWholeDayWhenNoBlockIsGiven() throws IOException {
        String student = Cli.small().students().get(0).id();
        Path plan = dir.resolve("other/whole-day.plan.json");

        Cli.Run run = Cli.run("solve", input.toString(), "--time-limit", "1s", "--seed", "1", "--out", plan.toString(),
                "--quiet", "--explain", student);

        assertThat(run.exitCode()).as(run.toString()).isIn(0, RegroupCommand.EXIT_INFEASIBLE);
        assertThat(run.out()).contains("Explanation for " + student + " (whole day)");
        assertThat(Files.exists(plan)).isTrue();
    }

    @Test
    void defaultPlanNameIsTheInputNameWithPlanJsonInTheCurrentDirectory() {
        assertThat(SolveCommand.defaultPlanPath(Path.of("datasets/medium.json"))).isEqualTo(Path.of("medium.plan.json"));
        assertThat(SolveCommand.defaultPlanPath(Path.of("/abs/dir/day.json"))).isEqualTo(Path.of("day.plan.json"));
        assertThat(SolveCommand.defaultPlanPath(Path.of("monday"))).isEqualTo(Path.of("monday.plan.json"));
        assertThat(SolveCommand.defaultPlanPath(Path.of("a.json.bak"))).isEqualTo(Path.of("a.json.bak.plan.json"));
        assertThat(SolveCommand.defaultPlanPath(Path.of("day.json")).isAbsolute()).isFalse();
        assertThat(SolveCommand.defaultPlanPath(Path.of("/"))).isEqualTo(Path.of("day.plan.json"));
    }
}
