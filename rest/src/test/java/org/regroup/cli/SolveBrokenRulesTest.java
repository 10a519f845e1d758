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
 * {@code regroup solve} on a day with more 1:1 and staff-led needs than its two adults can serve
 * ({@code days/crunch.json}): two 45-minute skill blocks, a teacher (at most 8 students at once) and a tutor; S1–S6
 * need 90 minutes of 1:1 (both blocks), S7–S12 two staff-led blocks. Two adults give at most 2 one-to-one seats a
 * block, 4 of the 12 student-blocks of 1:1 needed, so at least 4 of S1–S6 cannot have their 1:1 time. Whatever the
 * solver finds, the plan breaks hard rules, exits 3 and says which ones with ids only, and its KPIs count no time
 * delivered in a session that breaks one.
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
        // The day cannot be planned without breaking a hard rule, so the outcome does not depend on the time spent.
        run = Cli.run("solve", input.toString(), "--time-limit", "2s", "--seed", "1", "--out", out.toString(),
                "--quiet");
        plan = Json.mapper().readValue(out.toFile(), Plan.class);
    }

    @Test
    void exitsThreeWithAPlanThatSaysItIsNotFeasible() {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(RegroupCommand.EXIT_INFEASIBLE);
        assertThat(plan.version()).isEqualTo(Plan.VERSION);
        assertThat(plan.feasible()).isFalse();
        assertThat(plan.workable()).isFalse();
        assertThat(run.out()).contains("(NOT feasible: it breaks hard rules, listed below)");
    }

    @Test
    void thePlanAndTheOutputListEveryBrokenHardRuleWithIds() {
        List<Violation> hard = plan.violations().stream().filter(v -> v.level() == Violation.Level.HARD).toList();
        assertThat(hard).isNotEmpty();
        assertThat(run.out()).contains("Broken rules     " + hard.size() + " hard");
        for (Violation v : plan.violations()) {
            assertThat(run.out()).contains(v.rule() + ": " + v.message()).contains(Summary.involved(v));
            assertThat(v.students()).isNotEmpty().allMatch(id -> id.matches("S\\d+"));
        }
    }

    @Test
    void noTimeInASessionThatBreaksAHardRuleCountsAsDelivered() {
        // at most 4 one-to-one student-blocks that break nothing, for 6 students who need 2 each
        assertThat(plan.kpis().studentsWithUnmetAccommodation()).isGreaterThanOrEqualTo(4);
        assertThat(run.out()).contains("Accommodations   " + plan.kpis().studentsWithUnmetAccommodation()
                + " students with an accommodation not met");
    }

    @Test
    void namesNobody() {
        assertThat(run.out() + run.err()).doesNotContain(NAME_MARK);
    }
}
