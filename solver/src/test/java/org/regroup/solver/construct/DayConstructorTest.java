package org.regroup.solver.construct;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.regroup.domain.Goal;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.demo.DatasetGenerator.Preset;
import org.regroup.solver.ProblemEditor;
import org.regroup.solver.StepBounded;
import org.regroup.solver.TestDays;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;
import org.regroup.solver.solve.RegroupSolverConfig;

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
        var config = RegroupSolverConfig.create(StepBounded.steps(1, 0));
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

    /**
     * The tiny day with four students (S01, S04, S10, S13) whose priority-1 goal is NF2, a skill eight students are
     * ready for, while all 24 are ready for OA1; nobody else has a goal. With its two teachers, both groups go to OA1
     * (twelve students each who would otherwise practise a new skill alone) and the four practise NF2 on their own;
     * with a third teacher free, they are taught NF2 in a small group. Before goals led the grouping, the first
     * group went to OA1 (the skill most students were ready for) and took goal students with it, off their goal.
     */
    @Test
    void studentsWithAGoalAreGroupedOnItWhenAQualifiedAdultIsFree() {
        List<String> goalStudents = List.of("S01", "S04", "S10", "S13");
        ProblemEditor edit = ProblemEditor.of(TestDays.tiny());
        Staff t1 = edit.staff.get(0);
        edit.staff.add(new Staff("T3", "Teacher Three", t1.role(), t1.qualifications(), null, null, 4, 25, List.of(),
                false, null));
        edit.space(new Space("R3", "Room 3", SpaceKind.CLASSROOM, 25, List.of(), null, 1, null));
        for (Student st : TestDays.tiny().students()) {
            edit.student(st.id(), e -> e.goals = goalStudents.contains(st.id())
                    ? List.of(new Goal("NF2", null, 1)) : List.of());
        }
        DayPlan day = construct(edit.build());
        List<Placement> firstBlock = day.getPlacements().stream()
                .filter(p -> p.getPeriod().getId().equals("B2") && p.getLearner().hasGoals()).toList();
        assertThat(firstBlock).extracting(p -> p.getLearner().getId())
                .containsExactlyInAnyOrderElementsOf(goalStudents);
        assertThat(firstBlock).allSatisfy(p -> {
            assertThat(p.getSession()).as("session of %s", p.getId()).isNotNull();
            assertThat(p.getSession().getSummary().fitOf(p.getLearner()).focus().getId())
                    .as("focus of %s", p.getId()).isEqualTo("NF2");
        });
        assertThat(firstBlock).filteredOn(p -> p.getSession().isStaffLed()
                && p.getSession().getMode().getId().equals("small-group")).hasSizeGreaterThanOrEqualTo(3);
    }

    /**
     * Goal skills lead the grouping on the generated medium day: after construction, at least four in five skill
     * blocks of students with goals are on one of their goals (it was 56 % when the groups followed the most widely
     * shared ready skill), and every staff-led minimum is still met (checked above).
     */
    @Test
    void mostSkillBlocksOfStudentsWithGoalsAreOnAGoal() {
        assertThat(org.regroup.solver.kpi.KpiCalculator.compute(mediumDay).goalSkillShare()).isGreaterThan(0.8);
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
