package org.regroup.domain.io.skillmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.regroup.domain.Prerequisite;
import org.regroup.domain.Skill;
import org.regroup.domain.io.oneroster.CsvTable;
import org.regroup.domain.io.oneroster.Problems;

/**
 * The bundled CCSS format (docs/import.md, "Skill maps"; {@code datasets/ccss-math-k8/zimba_ccssm_k8_edges.csv}):
 * one CSV of edges, {@code EdgeDesc,Begin,End[,Note]}. Its nodes are the codes its edges name, each a skill whose grade
 * and domain the code says ({@code 3.NF.1}: grade 3, {@code <subject>/NF}); an {@code Arrow} makes Begin a
 * prerequisite of End, a {@code Nondirectional link} only names its two nodes. A node is named as the bundled graph
 * names it (the code and the Common Core text), so the bundled file read here gives exactly the bundled graph.
 */
public final class CcssEdgesFile {

    static final Set<String> COLUMNS = Set.of("EdgeDesc", "Begin", "End", "Note");
    private static final Set<String> REQUIRED = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("EdgeDesc", "Begin", "End")));
    /** {@code <grade>.<domain>[.…]}, groups joined by {@code ;}, then an optional {@code ||part}. */
    private static final Pattern CODE = Pattern.compile("\\d{1,2}\\.[A-Za-z]+[^;|]*(;\\d{1,2}\\.[A-Za-z]+[^;|]*)*"
            + "(\\|\\|.+)?");

    private CcssEdgesFile() {
    }

    /** Reads the file; its faults go to {@code problems} (what was read is returned, possibly partly). */
    public static SkillMap read(String file, byte[] bytes, String subject, Problems problems) {
        CsvTable table = CsvTable.read(file, bytes, REQUIRED, COLUMNS, "columns the CCSS edges format does not "
                + "define, ignored: ", problems);
        if (!REQUIRED.stream().allMatch(table::hasColumn)) {
            return new SkillMap(file, subject, List.of(), List.of());
        }
        Map<String, SkillMap.Node> nodes = new LinkedHashMap<>();
        List<SkillMap.Arrow> arrows = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String kind = row.get("EdgeDesc");
            boolean arrow = "arrow".equalsIgnoreCase(kind);
            if (!arrow && !"nondirectional link".equalsIgnoreCase(kind)) {
                problems.error(file, row.line(), "EdgeDesc", row.get("End"), kind == null ? "missing: Arrow or "
                        + "Nondirectional link" : "'" + clip(kind) + "' is neither Arrow nor Nondirectional link");
                continue;
            }
            String begin = node(file, row, "Begin", subject, nodes, problems);
            String end = node(file, row, "End", subject, nodes, problems);
            if (arrow && begin != null && end != null) {
                arrows.add(new SkillMap.Arrow(new Prerequisite(begin, end), row.line(), "Begin"));
            }
        }
        List<SkillMap.Node> skills = new ArrayList<>(nodes.values());
        skills.sort(Comparator.comparing(n -> n.skill().grade())); // as the bundled graph: by grade, then file order
        if (skills.isEmpty() && !problems.hasErrors()) {
            problems.error(file, null, null, null, "the file has no edges, so no skills: a skill map needs at least "
                    + "one");
        }
        return new SkillMap(file, subject, skills, SkillMap.acyclic(file, skills, arrows, problems));
    }

    /** The node a column names, kept the first time it is met; null (and an error) when it is no CCSS code. */
    private static String node(String file, CsvTable.Row row, String column, String subject,
            Map<String, SkillMap.Node> nodes, Problems problems) {
        String code = row.get(column);
        if (code == null) {
            problems.error(file, row.line(), column, null, "missing: the code of the edge's "
                    + column.toLowerCase(Locale.ROOT) + " node");
            return null;
        }
        if (!CODE.matcher(code).matches()) {
            problems.error(file, row.line(), column, clip(code), "'" + clip(code) + "' is not a code of the CCSS "
                    + "format: <grade>.<domain>.<number>, kindergarten 0 (3.NF.1, 0.CC.1||to 20, 0.G.1,2)");
            return null;
        }
        nodes.computeIfAbsent(code, c -> {
            CcssCode cc = new CcssCode(c);
            return new SkillMap.Node(new Skill(c, CcssTexts.nameOf(cc), subject + "/" + cc.domain(), cc.grade()),
                    row.line(), column);
        });
        return code;
    }

    static String clip(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
