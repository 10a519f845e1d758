package org.regroup.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteSpecTest {

    @Test
    void aPeerThatNeedsMoreHeapGetsItAndEveryoneElseTheDefault() {
        assertThat(SuiteSpec.heapFor("cp-sat")).isEqualTo("-Xmx8g");
        assertThat(SuiteSpec.heapFor("greedy")).isEqualTo(SuiteSpec.RUN_HEAP);
        assertThat(SuiteSpec.heapFor("regroup")).isEqualTo(SuiteSpec.RUN_HEAP);
        assertThat(SuiteSpec.heapFor("witness")).isEqualTo(SuiteSpec.RUN_HEAP);
    }

    @Test
    void theShapesSuiteTakesEveryDayItFindsInItsDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tight-ratio.json"), "{}");
        Files.writeString(dir.resolve("studio.json"), "{}");
        Files.writeString(dir.resolve("README.md"), "not a day");
        Files.createDirectory(dir.resolve("older.json"));

        SuiteSpec s = SuiteSpec.shapes(dir);

        assertThat(s.name()).isEqualTo("shapes");
        assertThat(s.datasets()).containsExactly(dir.resolve("studio.json").toString(),
                dir.resolve("tight-ratio.json").toString());
        assertThat(s.solvers()).containsExactly("regroup", "witness", "greedy");
        assertThat(s.seeds()).containsExactly(1L, 2L, 3L);
        assertThat(s.limits()).containsExactly(30.0);
        assertThat(s.scalingStudents()).isEmpty();
        assertThat(s.benchmarkerDays()).isEmpty();
    }

    @Test
    void theWitnessIsADeterministicPeerOfTheSuite() {
        assertThat(Contenders.names()).contains("witness");
        assertThat(Contenders.peer("witness")).hasValueSatisfying(p -> assertThat(p.deterministic()).isTrue());
        assertThat(Contenders.peer("greedy")).hasValueSatisfying(p -> assertThat(p.deterministic()).isTrue());
        assertThat(Contenders.peer("cp-sat")).hasValueSatisfying(p -> assertThat(p.deterministic()).isFalse());
    }
}
