package org.regroup.domain.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;
import org.regroup.domain.Skill;

/**
 * Where to draw each skill of a prerequisite graph: a layered drawing (Sugiyama's idea, its first two steps) — one row
 * per grade (a skill without a grade goes one row below its deepest prerequisite), and within a row an order that
 * keeps skills near their prerequisites and dependants (barycentre sweeps down and up), so that most arrows are short
 * and run downwards. A school reads its skill map by grade; JGraphT's force-directed layouts (FRLayoutAlgorithm2D)
 * lose that order, so they are not used here.
 *
 * @param rows  the rows, top first, each with its label ("Grade 3", "K")
 * @param nodes each skill: its row and its place in the row (0 = leftmost)
 * @param edges prerequisite → skill
 */
public record SkillMapLayout(List<Row> rows, List<Node> nodes, List<Edge> edges) {

    public record Row(int index, String label, int size) {
    }

    public record Node(String id, String name, String strand, Integer grade, int row, int column) {
    }

    public record Edge(String from, String to) {
    }

    /** Sweeps of the barycentre ordering (down, up, …): more change little on the CCSS map. */
    private static final int SWEEPS = 4;

    public static SkillMapLayout of(SkillGraph graph) {
        DirectedAcyclicGraph<String, DefaultEdge> dag = graph.dag();
        Map<String, Integer> layer = layers(graph, dag);
        TreeMap<Integer, List<String>> rows = new TreeMap<>();
        // first order: strand, then id, as a table of the standards would list them
        graph.skills().stream().sorted(Comparator.comparing((Skill s) -> s.strand() == null ? "" : s.strand())
                        .thenComparing(Skill::id, SkillMapLayout::naturalOrder))
                .forEach(s -> rows.computeIfAbsent(layer.get(s.id()), k -> new ArrayList<>()).add(s.id()));
        Map<String, Double> position = new HashMap<>();
        rows.values().forEach(r -> place(r, position));
        List<List<String>> ordered = new ArrayList<>(rows.values());
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int i = 0; i < ordered.size(); i++) {
                List<String> row = ordered.get(down ? i : ordered.size() - 1 - i);
                Map<String, Double> centre = new HashMap<>();
                for (String id : row) {
                    List<String> neighbours = down ? Graphs.predecessorListOf(dag, id) : Graphs.successorListOf(dag, id);
                    centre.put(id, neighbours.isEmpty() ? position.get(id)
                            : neighbours.stream().mapToDouble(position::get).average().orElseThrow());
                }
                row.sort(Comparator.comparingDouble(centre::get));
                place(row, position);
            }
        }
        List<Row> rowList = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        int index = 0;
        for (Map.Entry<Integer, List<String>> e : rows.entrySet()) {
            rowList.add(new Row(index, label(graph, e.getValue()), e.getValue().size()));
            for (int column = 0; column < e.getValue().size(); column++) {
                Skill s = graph.skill(e.getValue().get(column));
                nodes.add(new Node(s.id(), s.name(), s.strand(), s.grade(), index, column));
            }
            index++;
        }
        List<Edge> edges = dag.edgeSet().stream().map(e -> new Edge(dag.getEdgeSource(e), dag.getEdgeTarget(e)))
                .sorted(Comparator.comparing(Edge::from).thenComparing(Edge::to)).toList();
        return new SkillMapLayout(rowList, nodes, edges);
    }

    /** A skill's row: its grade, or one below its deepest prerequisite's row when it has none. */
    private static Map<String, Integer> layers(SkillGraph graph, DirectedAcyclicGraph<String, DefaultEdge> dag) {
        Map<String, Integer> layer = new HashMap<>();
        TopologicalOrderIterator<String, DefaultEdge> order = new TopologicalOrderIterator<>(dag);
        while (order.hasNext()) {
            String id = order.next();
            Integer grade = graph.skill(id).grade();
            int below = Graphs.predecessorListOf(dag, id).stream().mapToInt(layer::get).max().orElse(-1) + 1;
            layer.put(id, grade != null ? grade : below);
        }
        return layer;
    }

    /** Positions in a row, as fractions of its width, so that short and long rows line up. */
    private static void place(List<String> row, Map<String, Double> position) {
        for (int i = 0; i < row.size(); i++) {
            position.put(row.get(i), (i + 0.5) / row.size());
        }
    }

    private static String label(SkillGraph graph, List<String> row) {
        Integer grade = graph.skill(row.get(0)).grade();
        boolean same = row.stream().allMatch(id -> java.util.Objects.equals(graph.skill(id).grade(), grade));
        return !same || grade == null ? "Level" : grade == 0 ? "Kindergarten" : "Grade " + grade;
    }

    /** "3.NF.10" after "3.NF.9": numbers compared as numbers. */
    private static int naturalOrder(String a, String b) {
        String[] x = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        String[] y = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].chars().allMatch(Character::isDigit) && y[i].chars().allMatch(Character::isDigit)
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
