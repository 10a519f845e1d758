package org.regroup.solver.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.solver.SolverFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.demo.DatasetGenerator.Preset;
import org.regroup.solver.TestDays;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;
import org.regroup.solver.solve.RegroupSolverConfig;
import org.regroup.solver.solve.SolveOptions;

/**
 * The construction phases alone (the greedy {@link DayConstructor}, then the placement construction heuristic; local
 * search is stopped before its first step) must already give a feasible day with everyone placed on the generated
 * days, and the same day every time for the same seed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DayConstructorTest {

    private DayProblem small;
    private DayProblem medium;
    private DayPlan smallDay;
    private DayPlan mediumDay;

    @BeforeAll
    void constructOnce() {
        small = DatasetGenerator.generate(Preset.SMALL, 1);
        medium = DatasetGenerator.generate(Preset.MEDIUM, 1);
        smallDay = construct(small);
        mediumDay = construct(medium);
    }

    /** Construction only: local search ends after 0 steps. */
    static DayPlan construct(DayProblem problem) {
        DayPlan plan = DayPlanBuilder.build(problem, problem.id());
        var config = RegroupSolverConfig.create(SolveOptions.of(Duration.ofSeconds(60)).withSeed(1)
                .withStepCountLimit(0));
        return SolverFactory.<DayPlan>create(config).buildSolver().solve(plan);
    }

    @Test
    void smallDayIsFeasibleWithEveryonePlaced() {
        assertFeasibleWithEveryonePlaced(smallDay);
    }

    @Test
    void mediumDayIsFeasibleWithEveryonePlaced() {
        assertFeasibleWithEveryonePlaced(mediumDay);
    }

    @Test
    void noAdultGoesOverTheirTeachingBlockLimit() {
        for (DayPlan day : List.of(smallDay, mediumDay)) {
            Map<Adult, Set<Period>> teaching = teachingBlocks(day);
            assertThat(teaching).isNotEmpty();
            teaching.forEach((adult, blocks) -> assertThat(blocks.size())
                    .as("teaching blocks of %s", adult.getId()).isLessThanOrEqualTo(adult.getMaxTeachingBlocks()));
        }
        // The limit bites on the medium day: some teachers work more blocks than they may teach.
        assertThat(mediumDay.getAdults()).filteredOn(a -> slotsOf(mediumDay, a) > a.getMaxTeachingBlocks())
                .isNotEmpty();
    }

    @Test
    void everyOneToOneNeedIsMet() {
        for (DayPlan day : List.of(smallDay, mediumDay)) {
            Map<Learner, Integer> minutes = new HashMap<>();
            for (Placement p : day.getPlacements()) {
                if (p.getSession() != null && p.getSession().getMode().isOneToOne()) {
                    minutes.merge(p.getLearner(), p.getPeriod().getMinutes(), Integer::sum);
                }
            }
            List<Learner> needing = day.getLearners().stream().filter(l -> l.getOneToOneMinutes() > 0).toList();
            assertThat(needing).as("students who need 1:1 time on %s", day.getProblem().id()).isNotEmpty();
            assertThat(needing).allSatisfy(l -> assertThat(minutes.getOrDefault(l, 0))
                    .as("1:1 minutes of %s", l.getId()).isGreaterThanOrEqualTo(l.getOneToOneMinutes()));
            // A 1:1 session has one student.
            assertThat(day.getSessions()).filteredOn(s -> s.isOpen() && s.getMode().isOneToOne())
                    .allSatisfy(s -> assertThat(s.size()).isOne());
        }
    }

    @Test
    void everyStaffLedMinimumIsMet() {
        for (DayPlan day : List.of(smallDay, mediumDay)) {
            Map<Learner, Integer> staffLed = new HashMap<>();
            for (Placement p : day.getPlacements()) {
                if (p.getSession() != null && p.getSession().isStaffLed()) {
                    staffLed.merge(p.getLearner(), 1, Integer::sum);
                }
            }
            assertThat(day.getLearners()).filteredOn(l -> l.getMinStaffLedBlocks() > 0).isNotEmpty()
                    .allSatisfy(l -> assertThat(staffLed.getOrDefault(l, 0)).as("staff-led blocks of %s", l.getId())
                            .isGreaterThanOrEqualTo(l.getMinStaffLedBlocks()));
        }
    }

    /** The tiny day has no ties between open groups, so it is reproducible today; see the two disabled cases. */
    @Test
    void theSameSeedGivesTheSameTinyDay() {
        assertSameDay(construct(TestDays.tiny()), construct(TestDays.tiny()));
    }

    @Test
    void theSameSeedGivesTheSameSmallDay() {
        assertSameDay(smallDay, construct(small));
    }

    @Test
    void theSameSeedGivesTheSameMediumDay() {
        assertSameDay(mediumDay, construct(medium));
    }

    @Test
    void tinyDayIsFeasibleWithEveryonePlaced() {
        assertFeasibleWithEveryonePlaced(construct(TestDays.tiny()));
    }

    // ------------------------------------------------------------------------------------------------------------

    /**
     * Hard score 0 and every present student somewhere in every block: medium 0, or else only groups below their
     * minimum size are left (no placement without a session).
     */
    static void assertFeasibleWithEveryonePlaced(DayPlan day) {
        assertThat(day.getScore()).isNotNull();
        assertThat(day.getScore().hardScore()).as("hard score of %s", day.getScore()).isZero();
        assertThat(day.getPlacements()).as("unplaced student-blocks")
                .filteredOn(p -> p.getSession() == null).extracting(Placement::getId).isEmpty();
        assertThat(day.getPlacements()).allSatisfy(p -> assertThat(p.getCandidates()).contains(p.getSession()));
        if (day.getScore().mediumScore() != 0) {
            long shortfall = day.getSessions().stream()
                    .filter(s -> s.isOpen() && !s.isCatchAll() && s.size() < s.getMode().getMinSize())
                    .mapToLong(s -> s.getMode().getMinSize() - s.size()).sum();
            assertThat(-day.getScore().mediumScore()).as("medium score is only groups below minimum size")
                    .isEqualTo(shortfall);
        }
    }

    private static Map<Adult, Set<Period>> teachingBlocks(DayPlan day) {
        Map<Adult, Set<Period>> blocks = new HashMap<>();
        for (Session s : day.getSessions()) {
            if (s.isOpen() && !s.isCatchAll() && s.getAdult() != null) {
                blocks.computeIfAbsent(s.getAdult(), a -> new HashSet<>()).add(s.getPeriod());
            }
        }
        return blocks;
    }

    private static long slotsOf(DayPlan day, Adult adult) {
        return day.getSessions().stream().filter(s -> !s.isCatchAll() && s.getAdult() == adult).count();
    }

    private static void assertSameDay(DayPlan first, DayPlan second) {
        assertThat(second.getScore()).isEqualTo(first.getScore());
        assertThat(second.getPlacements()).hasSameSizeAs(first.getPlacements());
        for (int i = 0; i < first.getPlacements().size(); i++) {
            Placement a = first.getPlacements().get(i);
            Placement b = second.getPlacements().get(i);
            assertThat(b.getId()).isEqualTo(a.getId());
            assertThat(sessionId(b)).as("session of %s", a.getId()).isEqualTo(sessionId(a));
        }
        for (int i = 0; i < first.getSessions().size(); i++) {
            Session a = first.getSessions().get(i);
            Session b = second.getSessions().get(i);
            assertThat(b.getId()).isEqualTo(a.getId());
            assertThat(b.getMode().getId()).as("modality of %s", a.getId()).isEqualTo(a.getMode().getId());
            assertThat(b.getRoom() == null ? null : b.getRoom().getId()).as("room of %s", a.getId())
                    .isEqualTo(a.getRoom() == null ? null : a.getRoom().getId());
        }
    }

    private static String sessionId(Placement p) {
        return p.getSession() == null ? null : p.getSession().getId();
    }
}
