package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.Violation;

/**
 * {@code regroup solve} on a day with more 1:1 needs than its two adults can serve ({@code days/crunch.json}): two
 * 45-minute skill blocks, a teacher (at most 8 students at once) and a tutor; S1–S6 need 90 minutes of 1:1 (both
 * blocks), S7–S12 two staff-led blocks. Two adults give at most 2 one-to-one seats a block, 4 of the 12 student-blocks
 * of 1:1 needed, so at least 4 of S1–S6 cannot have their 1:1 time. The plan keeps every group what it says it is
 * (no "1:1" of five, no teacher over their cap): it is feasible, owes the 1:1 time it cannot give (not workable),
 * exits 0 and lists what is owed, with ids only.
 */
class SolveBrokenRulesTest {

    /** In every display name of the day: no output may contain it. */
    private static final String NAME_MARK = "Wintergreen";

    @TempDir
    static Path dir;

    private static Cli.Run run;
    private static Plan plan;

    @BeforeAll
    static void solveOnce() throws IOException {
        Path input = dir.resolve("crunch.json");
        try (var day = SolveBrokenRulesTest.class.getResourceAsStream("/days/crunch.json")) {
            Files.copy(day, input);
        }
        Path out = dir.resolve("crunch.plan.json");
        // ended by steps, with a seed: the same plan on any machine
        run = Cli.run("solve", input.toString(), "--step-limit", "300", "--seed", "1", "--time-limit", "10m",
                "--out", out.toString(), "--quiet");
        plan = Json.mapper().readValue(out.toFile(), Plan.class);
    }

    @Test
    void exitsZeroWithAFeasiblePlanThatSaysItIsNotWorkable() {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(plan.version()).isEqualTo(Plan.VERSION);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.workable()).isFalse();
        assertThat(run.out()).contains("(feasible, not workable: not every student gets their seat and time");
    }

    @Test
    void thePlanAndTheOutputListTheTimeOwedWithIds() {
        assertThat(plan.violations()).isNotEmpty()
                .allSatisfy(v -> assertThat(v.level()).isEqualTo(Violation.Level.MEDIUM));
        assertThat(plan.violations()).filteredOn(v -> v.rule().equals("Too little 1:1 time")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(run.out()).contains("Broken rules     0 hard, " + plan.violations().size() + " medium"
                + System.lineSeparator());
        for (Violation v : plan.violations()) {
            assertThat(run.out()).contains(v.rule() + ": " + v.message()).contains(Summary.involved(v));
            assertThat(v.students()).isNotEmpty().allMatch(id -> id.matches("S\\d+"));
        }
    }

    @Test
    void everyGroupIsWhatItSaysItIs() {
        for (var block : plan.blocks()) {
            for (var session : block.sessions()) {
                int size = session.students().size();
                assertThat(size).as("%s", session.id()).isLessThanOrEqualTo(8);
                if (session.modality().equals("one-to-one")) {
                    assertThat(size).as("%s", session.id()).isOne();
                }
            }
        }
    }

    @Test
    void theStudentsOwedTimeAreCountedAsNotMet() {
        // at most 4 one-to-one student-blocks, for 6 students who need 2 each
        assertThat(plan.kpis().studentsWithUnmetAccommodation()).isGreaterThanOrEqualTo(4);
        assertThat(run.out()).contains("Accommodations   " + plan.kpis().studentsWithUnmetAccommodation()
                + " students with an accommodation not met");
    }

    @Test
    void namesNobody() {
        assertThat(run.out() + run.err()).doesNotContain(NAME_MARK);
    }
}
