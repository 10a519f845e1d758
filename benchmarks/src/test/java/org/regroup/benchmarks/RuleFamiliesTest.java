package org.regroup.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.regroup.solver.constraints.Rules;

/** The score-speed probe's families cover every rule, each once, so "without day" means every day rule. */
class RuleFamiliesTest {

    @Test
    void everyRuleIsInExactlyOneFamily() {
        List<String> inFamilies = new ArrayList<>();
        RuleFamilies.FAMILIES.values().forEach(inFamilies::addAll);
        assertThat(inFamilies).doesNotHaveDuplicates();
        assertThat(inFamilies).containsExactlyInAnyOrderElementsOf(RuleFamilies.allRules());
        assertThat(RuleFamilies.allRules()).contains(Rules.SAME_SKILL_TWICE, Rules.UNPLACED).hasSize(46);
    }

    @Test
    void namesAreFamiliesRulesOrAnError() {
        assertThat(RuleFamilies.named("adult")).hasSize(4);
        assertThat(RuleFamilies.named("all-but-one")).hasSize(RuleFamilies.allRules().size() - 1);
        assertThat(RuleFamilies.named(Rules.SAME_SKILL_TWICE + "|" + Rules.SAME_MODALITY_ALL_DAY)).hasSize(2);
        assertThatThrownBy(() -> RuleFamilies.named("Same skil twice")).hasMessageContaining("not a rule or family");
    }
}
