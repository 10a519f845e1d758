package org.regroup.domain.io.skillmap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.regroup.domain.Prerequisite;
import org.regroup.domain.Skill;
import org.regroup.domain.io.oneroster.Problems;

/**
 * A prerequisite graph read from a file (docs/import.md, "Skill maps"): the skills of one subject and the arrows
 * among them, each with the place in the file it came from, so that what the school's validator later finds about
 * it is reported there.
 *
 * @param subject the subject (the first part of every skill's strand, {@code math} in {@code math/NF})
 */
public record SkillMap(String file, String subject, List<Node> skills, List<Arrow> prerequisites) {

    /**
     * A skill and where the file gives it: a line and column of a CSV file, or (line null) the JSON path of a CASE
     * item.
     */
    public record Node(Skill skill, Long line, String column) {
    }

    /** A prerequisite arrow and where the file gives it (as for {@link Node}). */
    public record Arrow(Prerequisite prerequisite, Long line, String column) {
    }

    public SkillMap {
        skills = List.copyOf(skills);
        prerequisites = List.copyOf(prerequisites);
    }

    /** The subject a skill map's strand must be: lower-case letters, digits and dashes, as qualifications name it. */
    public static boolean isSubject(String s) {
        return s != null && s.matches("[a-z0-9][a-z0-9-]{0,31}");
    }

    /**
     * The arrows as a graph (JGraphT): an arrow from a skill to itself, or one that closes a cycle, is an error at
     * its place naming the skills of the cycle in order ({@code A -> B -> C -> A}); an arrow given twice is said once
     * as a warning and kept once. Returns the arrows kept.
     */
    static List<Arrow> acyclic(String file, List<Node> skills, List<Arrow> arrows, Problems problems) {
        DirectedAcyclicGraph<String, DefaultEdge> dag = new DirectedAcyclicGraph<>(DefaultEdge.class);
        skills.forEach(n -> dag.addVertex(n.skill().id()));
        Map<Prerequisite, Arrow> seen = new HashMap<>();
        List<Arrow> kept = new ArrayList<>();
        for (Arrow arrow : arrows) {
            Prerequisite p = arrow.prerequisite();
            Arrow first = seen.putIfAbsent(p, arrow);
            if (first != null) {
                problems.warning(file, arrow.line(), arrow.column(), p.skill(), "the arrow " + p.prerequisite()
                        + " -> " + p.skill() + " is also at " + where(first) + ": read once");
                continue;
            }
            if (p.prerequisite().equals(p.skill())) {
                problems.error(file, arrow.line(), arrow.column(), p.skill(), "skill '" + p.skill()
                        + "' is its own prerequisite");
                continue;
            }
            if (!dag.containsVertex(p.prerequisite()) || !dag.containsVertex(p.skill())) {
                continue; // a dangling reference, reported by the reader
            }
            try {
                dag.addEdge(p.prerequisite(), p.skill());
                kept.add(arrow);
            } catch (IllegalArgumentException cycle) {
                List<String> loop = new ArrayList<>(BFSShortestPath.findPathBetween(dag, p.skill(), p.prerequisite())
                        .getVertexList());
                loop.add(p.skill());
                problems.error(file, arrow.line(), arrow.column(), p.skill(), "prerequisites form a cycle: "
                        + String.join(" -> ", loop));
            }
        }
        return kept;
    }

    private static String where(Arrow a) {
        return a.line() == null ? a.column() : "line " + a.line();
    }
}
