package org.regroup.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuiteSpecTest {

    @Test
    void aPeerThatNeedsMoreHeapGetsItAndEveryoneElseTheDefault() {
        assertThat(SuiteSpec.heapFor("cp-sat")).isEqualTo("-Xmx8g");
        assertThat(SuiteSpec.heapFor("greedy")).isEqualTo(SuiteSpec.RUN_HEAP);
        assertThat(SuiteSpec.heapFor("regroup")).isEqualTo(SuiteSpec.RUN_HEAP);
    }
}
