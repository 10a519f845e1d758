package org.regroup.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.output.PlanAssembler;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.SolveOptions;

/** Kept plans are found by day and scored by today's rules, or say which file does not fit. */
class ReferencesTest {

    private static final String DAY = "../datasets/shapes/tiny.json";

    @Test
    void aKeptPlanIsScoredByTodaysRulesAtTheTimeItsNameGives(@TempDir Path dir) throws IOException {
        DayProblem problem = Datasets.load(DAY);
        DaySolver.Result solved = DaySolver.solve(DayPlanBuilder.build(problem, DAY),
                SolveOptions.of(Duration.ofMinutes(10)).withSeed(1).withStepCountLimit(50), p -> { });
        Path reference = Files.createDirectories(dir.resolve("tiny").resolve("before"));
        write(PlanAssembler.assemble(solved.plan()), reference.resolve("run-1-120s.plan.json.gz"));
        Files.createDirectories(dir.resolve("small").resolve("other"));

        assertThat(References.forDay(dir, DAY)).containsExactly(reference);
        assertThat(References.forDay(dir, "../datasets/medium.json")).isEmpty();

        DayReference scored = References.score(DAY, reference);
        assertThat(scored.error()).isNull();
        assertThat(scored.name()).isEqualTo("before");
        assertThat(scored.plans()).singleElement().satisfies(c -> {
            assertThat(c.atSeconds()).isEqualTo(120.0);
            assertThat(c.score()).isEqualTo(solved.plan().getScore().toString());
        });
        assertThat(scored.median()).isEqualTo(scored.plans().get(0));
    }

    @Test
    void aPlanOfAnotherDayOrAnUnnamedTimeIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
        DayProblem small = Datasets.load("../datasets/small.json");
        DaySolver.Result solved = DaySolver.solve(DayPlanBuilder.build(small, "small"),
                SolveOptions.of(Duration.ofMinutes(10)).withSeed(1).withStepCountLimit(0), p -> { });
        Path reference = Files.createDirectories(dir.resolve("before"));
        write(PlanAssembler.assemble(solved.plan()), reference.resolve("run-1-60s.plan.json.gz"));

        DayReference wrongDay = References.score(DAY, reference);
        assertThat(wrongDay.plans()).isEmpty();
        assertThat(wrongDay.median()).isNull();
        assertThat(wrongDay.error()).contains("run-1-60s.plan.json.gz", "does not fit the day");

        Files.move(reference.resolve("run-1-60s.plan.json.gz"), reference.resolve("run-1.plan.json.gz"));
        assertThat(References.score(DAY, reference).error()).contains("run-1.plan.json.gz", "-<seconds>s");
    }

    private static void write(Plan plan, Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            Json.mapper().writeValue(out, plan);
        }
    }
}
