package org.regroup.domain.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.regroup.domain.Goal;
import org.regroup.domain.Prerequisite;
import org.regroup.domain.Skill;
import org.regroup.domain.Student;
import org.regroup.domain.graph.SkillGraph;

/**
 * A reached goal is renewed with a ready standard: the same strand first, then the most urgent, then what unlocks
 * most.
 */
class GoalRenewalTest {

    private static final SkillGraph GRAPH = SkillGraph.of(List.of(
            new Skill("3.NF.1", "fractions 1", "math/NF", 3), new Skill("3.NF.2", "fractions 2", "math/NF", 3),
            new Skill("4.NF.1", "fractions 4", "math/NF", 4), new Skill("2.OA.1", "add", "math/OA", 2),
            new Skill("3.OA.1", "multiply", "math/OA", 3), new Skill("4.OA.1", "factors", "math/OA", 4),
            new Skill("5.OA.1", "expressions", "math/OA", 5)),
            List.of(new Prerequisite("3.NF.1", "3.NF.2"), new Prerequisite("3.NF.2", "4.NF.1"),
                    new Prerequisite("2.OA.1", "3.OA.1"), new Prerequisite("3.OA.1", "4.OA.1")));

    private static Student student(int grade, List<Goal> goals) {
        return new Student("s1", "s1", grade, null, Map.of(), goals, List.of(), List.of(), List.of(), null,
                List.of(), List.of(), false, null, List.of());
    }

    @Test
    void theNextGoalIsReadyInTheSameStrandAndNotOneTheyAlreadyHave() {
        Goal reached = new Goal("3.NF.1", null, 1);
        Map<String, Double> estimate = Map.of("3.NF.1", 0.9, "2.OA.1", 0.95);

        Goal next = GoalRenewal.next(student(3, List.of(reached)), reached, GRAPH, estimate, 0.8, Set.of());

        assertThat(next).isEqualTo(new Goal("3.NF.2", null, 1)); // ready, fractions, keeps the priority
        assertThat(GoalRenewal.next(student(3, List.of(reached)), reached, GRAPH, estimate, 0.8, Set.of("3.NF.2")))
                .as("another strand when the strand has nothing else ready").isEqualTo(new Goal("3.OA.1", null, 1));
    }

    @Test
    void withNoStrandToFollowTheMostUrgentComesFirstAndNothingReadyIsNoGoal() {
        Map<String, Double> estimate = Map.of("2.OA.1", 0.9, "3.OA.1", 0.9, "3.NF.1", 0.9);
        // ready: 3.NF.2 (grade 3), 4.OA.1 (grade 4), 5.OA.1 (grade 5): a fifth grader's most urgent is grade 3
        assertThat(GoalRenewal.next(student(5, List.of()), null, GRAPH, estimate, 0.8, Set.of()).skill())
                .isEqualTo("3.NF.2");
        Map<String, Double> all = Map.of("3.NF.1", 1.0, "3.NF.2", 1.0, "4.NF.1", 1.0, "2.OA.1", 1.0, "3.OA.1", 1.0,
                "4.OA.1", 1.0, "5.OA.1", 1.0);
        assertThat(GoalRenewal.next(student(5, List.of()), null, GRAPH, all, 0.8, Set.of())).isNull();
    }

    @Test
    void aGoalIsOpenUntilItsStandardIsMastered() {
        Student s = student(3, List.of(new Goal("3.NF.1", null, 1), new Goal(null, "math/OA", 2)));
        assertThat(GoalRenewal.open(s, Map.of("3.NF.1", 0.85), 0.8)).containsExactly(new Goal(null, "math/OA", 2));
        assertThat(GoalRenewal.open(s, Map.of("3.NF.1", 0.5), 0.8)).hasSize(2);
    }

    @Test
    void aConferenceKeepsOpenGoalsAndReplacesEachReachedOne() {
        Goal fractions = new Goal("3.NF.1", null, 1);
        Goal multiply = new Goal("3.OA.1", null, 2);
        Student s = student(3, List.of(fractions, multiply));
        Map<String, Double> estimate = Map.of("3.NF.1", 0.9, "2.OA.1", 0.95);

        assertThat(GoalRenewal.renewed(s, GRAPH, estimate, 0.8)).containsExactly(multiply,
                new Goal("3.NF.2", null, 1));
        assertThat(GoalRenewal.renewed(s, GRAPH, Map.of("2.OA.1", 0.95), 0.8)).as("nothing reached: the same goals")
                .isEqualTo(s.goals());
    }
}
