package org.regroup.benchmarks.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regroup.benchmarks.peers.PlanScorer;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.kpi.KpiCalculator;
import org.regroup.solver.model.DayPlan;

/**
 * The witness on the bundled days, judged by the one yardstick (its plan imported onto Regroup's built day and scored
 * by Regroup's rules): it breaks no hard rule on any of them, and places everyone where everyone can be placed.
 */
class WitnessDaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "large", "overconstrained", "offsite"})
    void breaksNoHardRuleOnABundledDay(String name) {
        Scored s = planAndScore(datasets().resolve(name + ".json"));
        assertThat(s.score().hardScore()).as(name + ": " + Explainer.brokenRules(s.day())).isZero();
        assertThat(s.plan().feasible()).isTrue();
        // The witness's own account agrees with the yardstick's on what it is for.
        Kpis own = s.plan().kpis();
        Kpis scored = s.kpis();
        assertThat(own.presentStudentBlocks()).isEqualTo(scored.presentStudentBlocks());
        assertThat(own.placedShare()).isEqualTo(scored.placedShare());
        assertThat(own.catchAllStudentBlocks()).isEqualTo(scored.catchAllStudentBlocks());
        assertThat(own.staffLedDelivered()).isEqualTo(scored.staffLedDelivered());
        assertThat(own.studentsWithUnmetAccommodation()).isZero().isEqualTo(scored.studentsWithUnmetAccommodation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "large"})
    void placesEveryoneWhereEveryoneFits(String name) {
        Scored s = planAndScore(datasets().resolve(name + ".json"));
        assertThat(s.kpis().placedShare()).isEqualTo(1.0);
        assertThat(s.plan().unplaced()).isEmpty();
    }

    @Test
    void theOverconstrainedDayLeavesSomeUnplacedButNoRuleBroken() {
        Scored s = planAndScore(datasets().resolve("overconstrained.json"));
        assertThat(s.kpis().placedShare()).isLessThan(1.0).isGreaterThan(0.9);
        assertThat(s.plan().unplaced()).allSatisfy(u -> assertThat(u.reasons()).isNotEmpty());
    }

    @Test
    void isDeterministic() throws Exception {
        DayProblem problem = load(datasets().resolve("medium.json"));
        String first = Json.mapper().writeValueAsString(Witness.plan(problem).plan());
        String second = Json.mapper().writeValueAsString(Witness.plan(problem).plan());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void writesAPlanThatReadsBackInThePlanFormat() throws Exception {
        Plan plan = Witness.plan(load(datasets().resolve("offsite.json"))).plan();
        String json = Json.mapper().writeValueAsString(plan);
        Plan read = Json.mapper().readValue(json, Plan.class);
        assertThat(read.format()).isEqualTo("regroup/plan");
        assertThat(read.blocks()).hasSize(6);
        assertThat(read.students()).hasSize(60);
        assertThat(read.students()).allSatisfy(d -> assertThat(d.blocks()).hasSize(6));
    }

    // ---------------------------------------------------------------------------------------------------------------

    record Scored(Plan plan, DayPlan day, HardMediumSoftScore score, Kpis kpis, Map<String, Object> facts) {
    }

    /** Each bundled day planned and scored once for all tests here (large takes a few seconds). */
    private static final Map<Path, Scored> SCORED = new java.util.concurrent.ConcurrentHashMap<>();

    static Scored planAndScore(Path file) {
        return SCORED.computeIfAbsent(file, WitnessDaysTest::planAndScoreNow);
    }

    private static Scored planAndScoreNow(Path file) {
        DayProblem problem = load(file);
        Witness.Result result = Witness.plan(problem);
        DayPlan day = PlanScorer.imported(problem, result.plan(), file.toString()); // throws on any mismatch
        return new Scored(result.plan(), day, day.getScore(), KpiCalculator.compute(day), result.facts());
    }

    static DayProblem load(Path file) {
        return DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
    }

    static Path datasets() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("datasets"))) {
                return dir.resolve("datasets");
            }
        }
        throw new IllegalStateException("no datasets directory above " + Path.of("").toAbsolutePath());
    }
}
