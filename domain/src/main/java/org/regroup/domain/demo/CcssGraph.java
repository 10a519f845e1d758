package org.regroup.domain.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.regroup.domain.Prerequisite;
import org.regroup.domain.Skill;
import org.regroup.domain.io.oneroster.Problems;
import org.regroup.domain.io.skillmap.CcssEdgesFile;
import org.regroup.domain.io.skillmap.SkillMap;

/**
 * The real Common Core math K-8 prerequisite graph (Jason Zimba's, see {@code datasets/ccss-math-k8/README.md}),
 * read from the copy bundled in this jar: 283 skills and 452 prerequisite arrows. Undirected links are ignored.
 */
public final class CcssGraph {

    static final String RESOURCES = "/org/regroup/domain/demo/ccss-math-k8/";
    private static final String EDGES = RESOURCES + "zimba_ccssm_k8_edges.csv";

    private final List<Skill> skills;
    private final List<Prerequisite> prerequisites;

    private CcssGraph(List<Skill> skills, List<Prerequisite> prerequisites) {
        this.skills = List.copyOf(skills);
        this.prerequisites = List.copyOf(prerequisites);
    }

    /** The whole graph; read once, then shared (it never changes). */
    public static CcssGraph load() {
        return Loaded.GRAPH;
    }

    /** Skills by grade, then in the order the source lists them. */
    public List<Skill> skills() {
        return skills;
    }

    /** Arrows in source order: the prerequisite must be mastered before the skill is ready. */
    public List<Prerequisite> prerequisites() {
        return prerequisites;
    }

    /** The skills of grades {@code minGrade..maxGrade} and only the edges among them. */
    public CcssGraph slice(int minGrade, int maxGrade) {
        List<Skill> kept = skills.stream().filter(s -> s.grade() >= minGrade && s.grade() <= maxGrade).toList();
        Set<String> ids = new LinkedHashSet<>();
        kept.forEach(s -> ids.add(s.id()));
        List<Prerequisite> edges = prerequisites.stream()
                .filter(e -> ids.contains(e.prerequisite()) && ids.contains(e.skill())).toList();
        return new CcssGraph(kept, edges);
    }

    private static final class Loaded {
        static final CcssGraph GRAPH = read();
    }

    /** The bundled edges file, read as any CCSS skill map is ({@link CcssEdgesFile}); a fault in it is a bug. */
    private static CcssGraph read() {
        byte[] bytes;
        try (InputStream in = CcssGraph.class.getResourceAsStream(EDGES)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + EDGES + " (see domain/pom.xml)");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + EDGES, e);
        }
        Problems problems = new Problems();
        SkillMap map = CcssEdgesFile.read(EDGES, bytes, "math", problems);
        if (problems.hasErrors()) {
            throw new IllegalStateException("the bundled graph " + EDGES + " cannot be read: " + problems.errors());
        }
        return new CcssGraph(map.skills().stream().map(SkillMap.Node::skill).toList(),
                map.prerequisites().stream().map(SkillMap.Arrow::prerequisite).toList());
    }
}
