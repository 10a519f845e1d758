package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.Accommodations;
import org.regroup.domain.BlockKind;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Qualification;
import org.regroup.domain.School;
import org.regroup.domain.Skill;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.Violation;

/**
 * {@code regroup solve} on a day with more 1:1 and staff-led needs than its two adults can serve: whatever the solver
 * finds, the plan breaks hard rules, exits 3, and says which ones with ids only, and its KPIs count no time delivered
 * in a session that breaks one.
 */
class SolveBrokenRulesTest {

    private static final String NAME_MARK = "Wintergreen";

    @TempDir
    static Path dir;

    private static Cli.Run run;
    private static Plan plan;

    /**
     * Two 45-minute skill blocks, a teacher (at most 8 students at once) and a tutor; S1–S6 need 90 minutes of 1:1
     * (both blocks) and S7–S12 two staff-led blocks. Two adults give at most 2 one-to-one seats a block: 4 of the 12
     * student-blocks of 1:1 needed, so at least 4 of S1–S6 cannot have their 1:1 time.
     */
    static DayProblem crunch() {
        List<TimeBlock> blocks = List.of(
                new TimeBlock("B1", LocalTime.of(9, 0), LocalTime.of(9, 45), 1, BlockKind.SKILLS, null, false),
                new TimeBlock("B2", LocalTime.of(9, 50), LocalTime.of(10, 35), 2, BlockKind.SKILLS, null, false));
        Qualification math = new Qualification("math", 0, 8);
        List<Staff> staff = List.of(
                new Staff("T1", NAME_MARK + " teacher", StaffRole.TEACHER, List.of(math), null, null, null, 8,
                        List.of(), false, null),
                new Staff("U1", NAME_MARK + " tutor", StaffRole.TUTOR, List.of(math), null, null, null, 8, List.of(),
                        false, null));
        List<Space> spaces = List.of(new Space("R1", null, SpaceKind.CLASSROOM, 30, List.of(), null, 1, null),
                new Space("R2", null, SpaceKind.CLASSROOM, 30, List.of(), null, 1, null));
        List<Student> students = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            Accommodations needs = i <= 6 ? new Accommodations(null, 90, false, false, null)
                    : new Accommodations(2, null, false, false, null);
            students.add(new Student("S" + i, NAME_MARK + " " + i, 3, null, Map.of(), List.of(), List.of(), List.of(),
                    List.of(), needs, List.of(), List.of(), false, null, List.of()));
        }
        return new DayProblem(DayProblem.FORMAT, DayProblem.VERSION, "crunch", LocalDate.of(2026, 11, 23),
                new School("crunch", null, null, null, null, List.of()), blocks,
                List.of(new Skill("K1", "Counting", "math/CC", 3)), List.of(), List.of(), List.of(), staff, spaces,
                students, List.of(), Map.of());
    }

    @BeforeAll
    static void solveOnce() throws IOException {
        Path input = dir.resolve("crunch.json");
        Json.writeAtomically(input, crunch());
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
