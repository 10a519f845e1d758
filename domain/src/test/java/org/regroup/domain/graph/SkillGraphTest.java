package org.regroup.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.regroup.domain.Prerequisite;
import org.regroup.domain.Skill;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;

/**
 * The prerequisite graph: the ready set (not mastered, every prerequisite mastered at the threshold), how much of the
 * graph a skill unlocks, and the errors of a graph that is not one (cycles, unknown skills).
 */
class SkillGraphTest {

    private static final double THRESHOLD = 0.8;

    private static List<Skill> skills(String... ids) {
        return Arrays.stream(ids).map(id -> new Skill(id, id, "math/NF", 3)).toList();
    }

    private static Prerequisite edge(String prerequisite, String skill) {
        return new Prerequisite(prerequisite, skill);
    }

    /** A → B → C, A → E, D → E. */
    private static SkillGraph sample() {
        return SkillGraph.of(skills("A", "B", "C", "D", "E"),
                List.of(edge("A", "B"), edge("B", "C"), edge("A", "E"), edge("D", "E")));
    }

    private static java.util.function.ToDoubleFunction<String> mastery(Map<String, Double> values) {
        return id -> values.getOrDefault(id, 0.0);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Ready set
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void withNothingMasteredOnlyTheRootsAreReady() {
        assertThat(sample().readySet(mastery(Map.of()), THRESHOLD)).containsExactlyInAnyOrder("A", "D");
    }

    @Test
    void aSkillIsReadyWhenNotMasteredAndAllItsPrerequisitesAre() {
        var ready = sample().readySet(mastery(Map.of("A", 0.9, "B", 0.5, "D", 0.79)), THRESHOLD);

        // B: A mastered, B not. D: no prerequisites, not mastered. E: D is not mastered yet. C: B is not.
        assertThat(ready).containsExactlyInAnyOrder("B", "D");
    }

    @Test
    void theThresholdItselfCountsAsMastered() {
        var ready = sample().readySet(mastery(Map.of("A", 0.8, "D", 0.8)), THRESHOLD);

        assertThat(ready).containsExactlyInAnyOrder("B", "E");
    }

    @Test
    void justBelowTheThresholdIsNotMastered() {
        var ready = sample().readySet(mastery(Map.of("A", 0.7999, "D", 0.8)), THRESHOLD);

        assertThat(ready).containsExactlyInAnyOrder("A");
    }

    @Test
    void aSkillWithSeveralPrerequisitesNeedsThemAll() {
        assertThat(sample().readySet(mastery(Map.of("A", 1.0)), THRESHOLD)).containsExactlyInAnyOrder("B", "D");
        assertThat(sample().readySet(mastery(Map.of("A", 1.0, "D", 1.0)), THRESHOLD))
                .containsExactlyInAnyOrder("B", "E");
    }

    @Test
    void aMasteredSkillIsNeverReadyEvenWithUnmasteredPrerequisites() {
        // C mastered (e.g. shown on a placement test) although B is not: C is not work to do
        var ready = sample().readySet(mastery(Map.of("A", 0.9, "C", 0.95)), THRESHOLD);

        assertThat(ready).containsExactlyInAnyOrder("B", "D");
    }

    @Test
    void everythingMasteredLeavesNothingReady() {
        var all = Map.of("A", 1.0, "B", 1.0, "C", 1.0, "D", 1.0, "E", 1.0);

        assertThat(sample().readySet(mastery(all), THRESHOLD)).isEmpty();
    }

    @Test
    void theThresholdIsTheSchools() {
        var values = mastery(Map.of("A", 0.85));

        assertThat(sample().readySet(values, 0.8)).containsExactlyInAnyOrder("B", "D");
        assertThat(sample().readySet(values, 0.9)).containsExactlyInAnyOrder("A", "D");
    }

    @Test
    void prerequisitesOfASkillAreItsDirectOnes() {
        assertThat(sample().prerequisitesOf("E")).containsExactlyInAnyOrder("A", "D");
        assertThat(sample().prerequisitesOf("C")).containsExactly("B");
        assertThat(sample().prerequisitesOf("A")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Downstream counts
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void downstreamCountsEverySkillThatDependsDirectlyOrNot() {
        SkillGraph g = sample();

        assertThat(g.downstreamCount("A")).isEqualTo(3); // B, C, E
        assertThat(g.downstreamCount("B")).isEqualTo(1); // C
        assertThat(g.downstreamCount("D")).isEqualTo(1); // E
        assertThat(g.downstreamCount("C")).isZero();
        assertThat(g.downstreamCount("E")).isZero();
    }

    @Test
    void aSkillReachedByTwoPathsIsCountedOnce() {
        SkillGraph diamond = SkillGraph.of(skills("A", "B", "C", "D"),
                List.of(edge("A", "B"), edge("A", "C"), edge("B", "D"), edge("C", "D")));

        assertThat(diamond.downstreamCount("A")).isEqualTo(3);
    }

    @Test
    void anUnknownSkillUnlocksNothing() {
        assertThat(sample().downstreamCount("Z")).isZero();
        assertThat(sample().contains("Z")).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------------------------------

    private static List<InputError> errorsOf(List<Skill> skills, List<Prerequisite> edges) {
        try {
            SkillGraph.of(skills, edges);
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors();
        }
    }

    @Test
    void aCycleIsAnErrorThatNamesTheCycle() {
        List<InputError> errors = errorsOf(skills("A", "B", "C"),
                List.of(edge("A", "B"), edge("B", "C"), edge("C", "A")));

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path()).isEqualTo("$.prerequisites[2]");
        assertThat(errors.get(0).message()).containsAnyOf("A -> B -> C -> A", "B -> C -> A -> B", "C -> A -> B -> C");
    }

    @Test
    void aCycleIsNamedWithoutTheSkillsOutsideIt() {
        List<InputError> errors = errorsOf(skills("R", "A", "B", "C", "X"),
                List.of(edge("R", "A"), edge("A", "B"), edge("B", "C"), edge("C", "X"), edge("C", "A")));

        assertThat(errors).extracting(InputError::path).containsExactly("$.prerequisites[4]");
        assertThat(errors.get(0).message()).containsAnyOf("A -> B -> C -> A", "B -> C -> A -> B", "C -> A -> B -> C")
                .doesNotContain("R").doesNotContain("X");
    }

    @Test
    void twoSkillsRequiringEachOtherAreACycle() {
        List<InputError> errors = errorsOf(skills("A", "B"), List.of(edge("A", "B"), edge("B", "A")));

        assertThat(errors).extracting(InputError::path).containsExactly("$.prerequisites[1]");
        assertThat(errors.get(0).message()).containsAnyOf("A -> B -> A", "B -> A -> B");
    }

    @Test
    void aSkillThatIsItsOwnPrerequisiteIsAnError() {
        List<InputError> errors = errorsOf(skills("A", "B"), List.of(edge("A", "B"), edge("B", "B")));

        assertThat(errors).extracting(InputError::path).containsExactly("$.prerequisites[1]");
        assertThat(errors.get(0).message()).contains("'B'");
    }

    @Test
    void anUnknownSkillIsNamedAtItsSideOfTheEdge() {
        List<InputError> errors = errorsOf(skills("A", "B"),
                List.of(edge("A", "B"), edge("Q", "B"), edge("A", "Z")));

        assertThat(errors).extracting(InputError::path)
                .containsExactly("$.prerequisites[1].prerequisite", "$.prerequisites[2].skill");
        assertThat(errors.get(0).message()).contains("'Q'");
        assertThat(errors.get(1).message()).contains("'Z'");
    }

    @Test
    void everyProblemIsReportedAndTheGoodEdgesKept() {
        List<InputError> errors = new ArrayList<>();
        SkillGraph g = SkillGraph.build(skills("A", "B", "C"),
                List.of(edge("A", "B"), edge("B", "A"), edge("C", "C"), edge("B", "Z"), edge("B", "C")), errors);

        assertThat(errors).extracting(InputError::path).containsExactly("$.prerequisites[1]", "$.prerequisites[2]",
                "$.prerequisites[3].skill");
        assertThat(g.edgeCount()).isEqualTo(2);
        assertThat(g.readySet(mastery(Map.of("A", 1.0)), THRESHOLD)).containsExactly("B");
    }

    @Test
    void ofThrowsWithTheErrorsAndNoSource() {
        assertThatThrownBy(() -> SkillGraph.of(skills("A"), List.of(edge("A", "A"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.source()).isNull();
                    assertThat(e.errors()).hasSize(1);
                });
    }
}
