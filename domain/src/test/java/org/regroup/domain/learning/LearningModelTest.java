package org.regroup.domain.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.regroup.domain.Prerequisite;
import org.regroup.domain.Skill;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.graph.SkillGraph;

/**
 * The simulated students' learning: work on a standard that is not ready never moves it; under the defaults 1:1
 * moves more than online practice and a small group more than a large one; each parameter moves outcomes the way it
 * says; the same seed gives the same term.
 */
class LearningModelTest {

    /** A chain A → B → C, and D on its own. */
    private static final SkillGraph GRAPH = SkillGraph.of(List.of(new Skill("A", "A", "math", 1),
            new Skill("B", "B", "math", 1), new Skill("C", "C", "math", 2), new Skill("D", "D", "math", 1)),
            List.of(new Prerequisite("A", "B"), new Prerequisite("B", "C")));

    private static Map<String, Set<String>> students(int n) {
        Map<String, Set<String>> m = new HashMap<>();
        for (int i = 0; i < n; i++) {
            m.put("s" + i, Set.of("A"));
        }
        return m;
    }

    private static LearningModel.Block block(String student, String skill, String modality, int size,
            boolean adult) {
        return new LearningModel.Block(student, "B1", skill, modality, 45, size, adult);
    }

    /** Blocks a day until everyone masters {@code skill}: the mean number of days it took. */
    private static double meanDays(LearningParameters p, String skill, Function<String, LearningModel.Block> block) {
        LearningModel model = new LearningModel(p, GRAPH, students(200), 7);
        Map<String, Integer> days = new HashMap<>();
        for (int day = 1; day <= 400 && days.size() < 200; day++) {
            List<LearningModel.Block> blocks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                if (!days.containsKey("s" + i)) {
                    blocks.add(block.apply("s" + i));
                }
            }
            for (LearningModel.Outcome o : model.day(blocks)) {
                if (o.masteredNow()) {
                    days.put(o.block().studentId(), day);
                }
            }
        }
        assertThat(days).hasSize(200);
        return days.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    @Test
    void workOnAStandardThatIsNotReadyOrAlreadyMasteredNeverMovesIt() {
        LearningModel model = new LearningModel(LearningParameters.DEFAULTS, GRAPH, students(3), 1);
        for (int day = 0; day < 100; day++) {
            List<LearningModel.Outcome> outcomes = model.day(List.of(
                    block("s0", "C", ModalityCatalog.ONE_TO_ONE, 1, true),   // needs B first
                    block("s1", "A", ModalityCatalog.ONE_TO_ONE, 1, true)));  // mastered already
            assertThat(outcomes).noneMatch(LearningModel.Outcome::ready).noneMatch(LearningModel.Outcome::masteredNow);
        }
        assertThat(model.progress("s0", "C")).isZero();
        assertThat(model.mastered("s0")).containsExactly("A");
        assertThat(model.ready("s0", "B")).isTrue();
        assertThat(model.ready("s0", "C")).isFalse();
        assertThat(model.ready("s0", "NOPE")).isFalse();
    }

    @Test
    void aReadyStandardIsMasteredAfterEnoughWorkAndThenTheNextOneIsReady() {
        LearningModel model = new LearningModel(LearningParameters.DEFAULTS, GRAPH, students(1), 1);
        int days = 0;
        while (!model.mastered("s0").contains("B") && days < 200) {
            model.day(List.of(block("s0", "B", ModalityCatalog.SMALL_GROUP, 5, true)));
            days++;
        }
        assertThat(model.mastered("s0")).contains("B");
        assertThat(model.ready("s0", "C")).isTrue();
        assertThat(days).isBetween(5, 60);
    }

    @Test
    void progressAtTheStartShortensTheWayToMasteryAndIsIgnoredOnAMasteredStandard() {
        LearningParameters p = LearningParameters.DEFAULTS.with("blockNoise", 0).with("paceSpread", 0);
        LearningModel fresh = new LearningModel(p, GRAPH, students(1), 1);
        LearningModel halfway = new LearningModel(p, GRAPH, students(1), Map.of("s0", Map.of("B", 0.5, "A", 0.5)),
                1);
        assertThat(halfway.progress("s0", "B")).isEqualTo(0.5);
        assertThat(halfway.progress("s0", "A")).isEqualTo(1.0); // mastered already
        int a = 0;
        int b = 0;
        while (!fresh.mastered("s0").contains("B")) {
            fresh.day(List.of(block("s0", "B", ModalityCatalog.SMALL_GROUP, 5, true)));
            a++;
        }
        while (!halfway.mastered("s0").contains("B")) {
            halfway.day(List.of(block("s0", "B", ModalityCatalog.SMALL_GROUP, 5, true)));
            b++;
        }
        assertThat(b).isLessThan(a);
    }

    @Test
    void underTheDefaultsOneToOneMovesMoreThanOnlineAndASmallGroupMoreThanAWholeClass() {
        LearningParameters p = LearningParameters.DEFAULTS;
        double tutored = meanDays(p, "B", s -> block(s, "B", ModalityCatalog.ONE_TO_ONE, 1, true));
        double online = meanDays(p, "B", s -> block(s, "B", ModalityCatalog.ONLINE_PRACTICE, 20, false));
        double small = meanDays(p, "B", s -> block(s, "B", ModalityCatalog.SMALL_GROUP, 5, true));
        double large = meanDays(p, "B", s -> block(s, "B", ModalityCatalog.SMALL_GROUP, 25, true));
        assertThat(tutored).isLessThan(small);
        assertThat(small).isLessThan(online);
        assertThat(small).isLessThan(large);
        LearningModel model = new LearningModel(p, GRAPH, students(1), 1);
        assertThat(model.effect(ModalityCatalog.SMALL_GROUP, 25, true)).isEqualTo(p.largeGroupEffect());
        assertThat(model.effect(ModalityCatalog.ONLINE_PRACTICE, 25, false)).isEqualTo(0.7);
    }

    @Test
    void eachParameterMovesOutcomesTheWayItSays() {
        LearningParameters p = LearningParameters.DEFAULTS;
        Function<String, LearningModel.Block> small = s -> block(s, "B", ModalityCatalog.SMALL_GROUP, 5, true);
        double base = meanDays(p, "B", small);
        assertThat(meanDays(p.with("minutesToMaster", 1440), "B", small)).isGreaterThan(base * 1.5);
        assertThat(meanDays(p.with("effect.small-group", 2.0), "B", small)).isLessThan(base * 0.7);
        Function<String, LearningModel.Block> large = s -> block(s, "B", ModalityCatalog.SMALL_GROUP, 25, true);
        assertThat(meanDays(p.with("largeGroupEffect", 0.4), "B", large)).isGreaterThan(meanDays(p, "B", large));

        // forgetting: one block every third day loses more between blocks with more forgetting
        assertThat(everyThirdDay(p.with("forgetting", 0.02))).isGreaterThan(everyThirdDay(p.with("forgetting", 0)));

        // the far-behind quarter is slower with behindPace below 1
        LearningModel uneven = new LearningModel(p.with("paceSpread", 0).with("behindPace", 0.5), GRAPH,
                Map.of("a", Set.of("A", "D"), "b", Set.of("A", "D"), "c", Set.of("A", "D"), "d", Set.of("A")), 1);
        assertThat(uneven.paceOf("d")).isEqualTo(0.5);
        assertThat(uneven.paceOf("a")).isEqualTo(1.0);
    }

    private static int everyThirdDay(LearningParameters p) {
        LearningModel model = new LearningModel(p.with("blockNoise", 0).with("paceSpread", 0), GRAPH, students(1), 3);
        int day = 0;
        while (!model.mastered("s0").contains("B")) {
            assertThat(day).as("mastered within a school year").isLessThan(400);
            model.day(day % 3 == 0 ? List.of(block("s0", "B", ModalityCatalog.SMALL_GROUP, 5, true)) : List.of());
            day++;
        }
        return day;
    }

    @Test
    void theSameSeedGivesTheSameDaysAndAnswersFollowSlipAndGuess() {
        List<LearningModel.Block> blocks = List.of(block("s0", "B", ModalityCatalog.SMALL_GROUP, 5, true),
                block("s1", "B", ModalityCatalog.ONLINE_PRACTICE, 12, false));
        LearningModel one = new LearningModel(LearningParameters.DEFAULTS, GRAPH, students(2), 11);
        LearningModel two = new LearningModel(LearningParameters.DEFAULTS, GRAPH, students(2), 11);
        for (int d = 0; d < 30; d++) {
            assertThat(one.day(blocks)).isEqualTo(two.day(blocks));
        }
        LearningModel sure = new LearningModel(LearningParameters.DEFAULTS.with("slip", 0).with("guess", 0), GRAPH,
                students(1), 1);
        assertThat(sure.day(List.of(block("s0", "A", ModalityCatalog.SMALL_GROUP, 5, true))).get(0).answers())
                .containsOnly(true).hasSize(3);
        assertThat(sure.day(List.of(block("s0", "C", ModalityCatalog.SMALL_GROUP, 5, true))).get(0).answers())
                .containsOnly(false);
    }

    @Test
    void aParameterOutOfRangeOrUnknownIsRefusedByName() {
        assertThatThrownBy(() -> LearningParameters.DEFAULTS.with("forgetting", 1.5))
                .hasMessageContaining("forgetting");
        assertThatThrownBy(() -> LearningParameters.DEFAULTS.with("speed", 2)).hasMessageContaining("minutesToMaster");
        assertThatThrownBy(() -> LearningParameters.DEFAULTS.with("effect.juggling", 2))
                .hasMessageContaining("one-to-one");
        assertThatThrownBy(() -> LearningParameters.DEFAULTS.with("itemsPerBlock", 2.5))
                .hasMessageContaining("whole number");
    }

    @Test
    void aModalityThatDoesNotSuitWhereTheStudentStandsCountsLess() {
        LearningParameters p = LearningParameters.DEFAULTS.with("blockNoise", 0).with("paceSpread", 0);
        java.util.Set<org.regroup.domain.SkillState> practice = ModalityCatalog.defaults()
                .get(ModalityCatalog.ONLINE_PRACTICE).suits();
        LearningModel model = new LearningModel(p, GRAPH, students(2), Map.of("s1", Map.of("B", 0.5)), 1);
        LearningModel.Block onNew = new LearningModel.Block("s0", "B1", "B", ModalityCatalog.ONLINE_PRACTICE, 45, 1,
                false, practice);
        LearningModel.Block underWay = new LearningModel.Block("s1", "B1", "B", ModalityCatalog.ONLINE_PRACTICE, 45,
                1, false, practice);

        assertThat(model.stateOf("s0", "B")).isEqualTo(org.regroup.domain.SkillState.NEW);
        assertThat(model.stateOf("s1", "B")).isEqualTo(org.regroup.domain.SkillState.PRACTISING);
        assertThat(model.effect(onNew)).isEqualTo(model.effect(underWay) * 0.75);
        assertThat(new LearningModel(p.with("unsuitedEffect", 1), GRAPH, students(1), 1).effect(onNew))
                .as("the switch off").isEqualTo(model.effect(underWay));
    }
}
