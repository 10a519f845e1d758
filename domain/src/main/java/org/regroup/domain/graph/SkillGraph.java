package org.regroup.domain.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.jgrapht.Graphs;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.regroup.domain.Prerequisite;
import org.regroup.domain.Skill;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;

/**
 * The prerequisite graph of skills: a DAG whose edges run from a prerequisite to the skill that needs it.
 * Readiness and urgency are graph questions and are answered with JGraphT.
 */
public final class SkillGraph {

    private final Map<String, Skill> skills;
    private final DirectedAcyclicGraph<String, DefaultEdge> dag;
    private final Map<String, Integer> downstreamCounts;

    private SkillGraph(Map<String, Skill> skills, DirectedAcyclicGraph<String, DefaultEdge> dag) {
        this.skills = skills;
        this.dag = dag;
        // Computed once: the graph is read by many threads (REST solves) and never changes.
        Map<String, Integer> counts = new HashMap<>();
        skills.keySet().forEach(id -> counts.put(id, dag.getDescendants(id).size()));
        this.downstreamCounts = Map.copyOf(counts);
    }

    /**
     * Builds the graph, or throws with every unknown skill reference and the first cycle found, each named by the
     * JSON path of the offending prerequisite entry.
     */
    public static SkillGraph of(Collection<Skill> skillList, List<Prerequisite> prerequisites) {
        List<InputError> errors = new ArrayList<>();
        SkillGraph graph = build(skillList, prerequisites, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(null, errors);
        }
        return graph;
    }

    /** Like {@link #of} but reports problems into {@code errors}; the edges at fault are left out. */
    public static SkillGraph build(Collection<Skill> skillList, List<Prerequisite> prerequisites,
            List<InputError> errors) {
        Map<String, Skill> skills = new LinkedHashMap<>();
        DirectedAcyclicGraph<String, DefaultEdge> dag = new DirectedAcyclicGraph<>(DefaultEdge.class);
        for (Skill skill : skillList) {
            if (skill.id() != null && skills.putIfAbsent(skill.id(), skill) == null) {
                dag.addVertex(skill.id());
            }
        }
        for (int i = 0; i < prerequisites.size(); i++) {
            Prerequisite edge = prerequisites.get(i);
            String path = "$.prerequisites[" + i + "]";
            if (!skills.containsKey(edge.prerequisite())) {
                errors.add(new InputError(path + ".prerequisite", "unknown skill '" + edge.prerequisite()
                        + "' in prerequisite edge " + edge.prerequisite() + " -> " + edge.skill()));
                continue;
            }
            if (!skills.containsKey(edge.skill())) {
                errors.add(new InputError(path + ".skill", "unknown skill '" + edge.skill()
                        + "' in prerequisite edge " + edge.prerequisite() + " -> " + edge.skill()));
                continue;
            }
            if (edge.prerequisite().equals(edge.skill())) {
                errors.add(new InputError(path, "skill '" + edge.skill() + "' is its own prerequisite"));
                continue;
            }
            try {
                dag.addEdge(edge.prerequisite(), edge.skill());
            } catch (IllegalArgumentException cycle) {
                // The new edge closes a cycle: name it, from the skill back round to itself.
                List<String> back = BFSShortestPath.findPathBetween(dag, edge.skill(), edge.prerequisite())
                        .getVertexList();
                List<String> loop = new ArrayList<>(back);
                loop.add(edge.skill());
                errors.add(new InputError(path, "prerequisites form a cycle: " + String.join(" -> ", loop)));
            }
        }
        return new SkillGraph(skills, dag);
    }

    /** The graph itself, for drawing it ({@link SkillMapLayout}); not to be changed. */
    DirectedAcyclicGraph<String, DefaultEdge> dag() {
        return dag;
    }

    public Skill skill(String id) {
        return skills.get(id);
    }

    public boolean contains(String id) {
        return skills.containsKey(id);
    }

    public Collection<Skill> skills() {
        return skills.values();
    }

    public List<String> prerequisitesOf(String skillId) {
        return Graphs.predecessorListOf(dag, skillId);
    }

    /**
     * The ready set: skills not mastered whose prerequisites are all mastered.
     *
     * @param mastery   mastery of a skill id (0 when unknown)
     * @param threshold mastered at or above this
     */
    public Set<String> readySet(ToDoubleFunction<String> mastery, double threshold) {
        return skills.keySet().stream()
                .filter(id -> mastery.applyAsDouble(id) < threshold)
                .filter(id -> prerequisitesOf(id).stream().allMatch(p -> mastery.applyAsDouble(p) >= threshold))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** How many skills depend, directly or not, on this one: mastering it unlocks that much of the graph. */
    public int downstreamCount(String skillId) {
        return downstreamCounts.getOrDefault(skillId, 0);
    }

    public int edgeCount() {
        return dag.edgeSet().size();
    }
}
