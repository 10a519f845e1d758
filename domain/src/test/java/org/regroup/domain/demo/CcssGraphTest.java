package org.regroup.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.regroup.domain.Prerequisite;
import org.regroup.domain.io.skillmap.CcssCode;
import org.regroup.domain.Skill;
import org.regroup.domain.graph.SkillGraph;

class CcssGraphTest {

    private final CcssGraph graph = CcssGraph.load();
    private final Map<String, Skill> byId = graph.skills().stream()
            .collect(Collectors.toMap(Skill::id, Function.identity()));

    @Test
    void holdsTheWholeZimbaGraph() {
        assertThat(graph.skills()).hasSize(283);
        assertThat(graph.prerequisites()).hasSize(452).doesNotHaveDuplicates();
        assertThat(byId).hasSize(283);
    }

    @Test
    void isAcyclic() {
        SkillGraph dag = SkillGraph.of(graph.skills(), graph.prerequisites());
        assertThat(dag.edgeCount()).isEqualTo(452);
    }

    @Test
    void readsPlainCodes() {
        Skill fractions = byId.get("3.NF.1");
        assertThat(fractions.grade()).isEqualTo(3);
        assertThat(fractions.strand()).isEqualTo("math/NF");
        assertThat(fractions.subject()).isEqualTo("math");
        assertThat(fractions.name()).startsWith("3.NF.1: Understand a fraction 1/b");
    }

    @Test
    void readsPartsOfStandardsAsKindergarten() {
        Skill counting = byId.get("0.CC.1||to 20");
        assertThat(counting.grade()).isZero();
        assertThat(counting.strand()).isEqualTo("math/CC");
        assertThat(counting.name()).isEqualTo("K.CC.1 (to 20): Count to 100 by ones and by tens.");
    }

    @Test
    void groupedCodesTakeTheHighestGradeAndTheFirstDomain() {
        assertThat(byId.get("0.G.1,2").grade()).isZero();
        assertThat(byId.get("0.G.1,2").name()).startsWith("K.G.1,2: Describe objects in the environment");
        Skill acrossGrades = byId.get("3.OA.1,2;4.OA.1,2");
        assertThat(acrossGrades.grade()).isEqualTo(4);
        assertThat(acrossGrades.strand()).isEqualTo("math/OA");
        assertThat(acrossGrades.name()).startsWith("3.OA.1,2;4.OA.1,2: Interpret products of whole numbers");
        Skill domains = byId.get("0.OA;1.OA;2.OA");
        assertThat(domains.grade()).isEqualTo(2);
        assertThat(domains.name()).isEqualTo("K.OA;1.OA;2.OA: Operations and Algebraic Thinking");
    }

    @Test
    void namesAreShortAndGradesInRange() {
        assertThat(graph.skills()).allSatisfy(s -> {
            assertThat(s.grade()).isBetween(0, 8);
            assertThat(s.name()).startsWith(new CcssCode(s.id()).display()).contains(": ");
            assertThat(s.name().length() - s.name().indexOf(": ")).isLessThanOrEqualTo(83);
        });
    }

    @Test
    void slicesKeepOnlyEdgesInside() {
        CcssGraph slice = graph.slice(3, 5);
        Set<String> ids = slice.skills().stream().map(Skill::id).collect(Collectors.toSet());
        assertThat(slice.skills()).isNotEmpty().allSatisfy(s -> assertThat(s.grade()).isBetween(3, 5));
        assertThat(slice.skills()).hasSize((int) graph.skills().stream().filter(s -> s.grade() >= 3 && s.grade() <= 5)
                .count());
        assertThat(slice.prerequisites()).isNotEmpty()
                .allSatisfy(e -> assertThat(ids).contains(e.prerequisite(), e.skill()));
        assertThat(slice.prerequisites()).hasSize((int) graph.prerequisites().stream()
                .filter(e -> ids.contains(e.prerequisite()) && ids.contains(e.skill())).count());
        SkillGraph.of(slice.skills(), slice.prerequisites());
    }

    @Test
    void prerequisitesNeverComeFromAHigherGrade() {
        for (Prerequisite e : graph.prerequisites()) {
            assertThat(byId.get(e.prerequisite()).grade()).as(e.toString())
                    .isLessThanOrEqualTo(byId.get(e.skill()).grade());
        }
    }
}
