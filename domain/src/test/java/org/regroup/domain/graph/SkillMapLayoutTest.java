package org.regroup.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.regroup.domain.Prerequisite;
import org.regroup.domain.Skill;
import org.regroup.domain.demo.CcssGraph;

class SkillMapLayoutTest {

    private final CcssGraph ccss = CcssGraph.load();
    private final SkillMapLayout layout = SkillMapLayout.of(SkillGraph.of(ccss.skills(), ccss.prerequisites()));

    @Test
    void everySkillIsDrawnOnceInItsGradesRowAtItsOwnPlace() {
        assertThat(layout.nodes()).extracting(SkillMapLayout.Node::id)
                .containsExactlyInAnyOrderElementsOf(ccss.skills().stream().map(Skill::id).toList());
        Map<Integer, List<SkillMapLayout.Node>> byRow = layout.nodes().stream()
                .collect(Collectors.groupingBy(SkillMapLayout.Node::row));
        for (SkillMapLayout.Row row : layout.rows()) {
            List<SkillMapLayout.Node> nodes = byRow.get(row.index());
            assertThat(nodes).hasSize(row.size());
            assertThat(nodes).extracting(SkillMapLayout.Node::column).doesNotHaveDuplicates()
                    .allMatch(c -> c >= 0 && c < row.size());
            assertThat(nodes).extracting(SkillMapLayout.Node::grade).containsOnly(nodes.get(0).grade());
        }
        assertThat(layout.rows().get(0).label()).isEqualTo("Kindergarten");
        assertThat(layout.rows()).extracting(SkillMapLayout.Row::label).contains("Grade 8");
        assertThat(layout.edges()).hasSize(ccss.prerequisites().size());
    }

    @Test
    void prerequisitesAreDrawnAboveOrBesideWhatNeedsThem() {
        Map<String, SkillMapLayout.Node> at = layout.nodes().stream()
                .collect(Collectors.toMap(SkillMapLayout.Node::id, n -> n));
        assertThat(layout.edges()).allSatisfy(e -> assertThat(at.get(e.from()).row())
                .as(e.from() + " → " + e.to()).isLessThanOrEqualTo(at.get(e.to()).row()));
    }

    @Test
    void theOrderingCrossesFewerArrowsThanTheStandardsTableOrder() {
        // the table order the layout starts from: strand, then id, in each grade's row
        Map<String, Double> table = new HashMap<>();
        Map<Integer, List<Skill>> rows = ccss.skills().stream().collect(Collectors.groupingBy(Skill::grade));
        rows.values().forEach(r -> {
            List<Skill> sorted = new ArrayList<>(r);
            sorted.sort(Comparator.comparing(Skill::strand).thenComparing(Skill::id));
            for (int i = 0; i < sorted.size(); i++) {
                table.put(sorted.get(i).id(), (i + 0.5) / sorted.size());
            }
        });
        Map<String, Double> drawn = new HashMap<>();
        Map<Integer, Integer> sizes = layout.rows().stream()
                .collect(Collectors.toMap(SkillMapLayout.Row::index, SkillMapLayout.Row::size));
        layout.nodes().forEach(n -> drawn.put(n.id(), (n.column() + 0.5) / sizes.get(n.row())));
        Map<String, Integer> grade = ccss.skills().stream().collect(Collectors.toMap(Skill::id, Skill::grade));
        long before = crossings(ccss.prerequisites(), table, grade);
        long after = crossings(ccss.prerequisites(), drawn, grade);
        assertThat(after).as("crossings between neighbouring grades: table order %d, drawn %d", before, after)
                .isLessThan(before / 2); // measured on CCSS K-8: 552 → 240
    }

    /** Pairs of arrows between the same two neighbouring rows that cross. */
    private static long crossings(List<Prerequisite> edges, Map<String, Double> x, Map<String, Integer> row) {
        List<Prerequisite> adjacent = edges.stream()
                .filter(e -> row.get(e.skill()) - row.get(e.prerequisite()) == 1).toList();
        long crossings = 0;
        for (int i = 0; i < adjacent.size(); i++) {
            for (int j = i + 1; j < adjacent.size(); j++) {
                Prerequisite a = adjacent.get(i);
                Prerequisite b = adjacent.get(j);
                if (!row.get(a.prerequisite()).equals(row.get(b.prerequisite()))) {
                    continue;
                }
                double top = x.get(a.prerequisite()) - x.get(b.prerequisite());
                double bottom = x.get(a.skill()) - x.get(b.skill());
                if (top * bottom < 0) {
                    crossings++;
                }
            }
        }
        return crossings;
    }
}
