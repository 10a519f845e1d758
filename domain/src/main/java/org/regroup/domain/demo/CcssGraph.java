package org.regroup.domain.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import org.regroup.domain.Prerequisite;
import org.regroup.domain.Skill;
import org.regroup.domain.io.Json;

/**
 * The real Common Core math K-8 prerequisite graph (Jason Zimba's, see {@code datasets/ccss-math-k8/README.md}),
 * read from the copy bundled in this jar: 283 skills and 452 prerequisite arrows. Undirected links are ignored.
 */
public final class CcssGraph {

    static final String RESOURCES = "/org/regroup/domain/demo/ccss-math-k8/";
    private static final String EDGES = RESOURCES + "zimba_ccssm_k8_edges.csv";
    private static final String STANDARDS = RESOURCES + "standards.json";
    private static final String ARROW = "Arrow";
    private static final int TEXT_LIMIT = 80;

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

    /**
     * A node's name as the bundled graph names it: its code as people read it and the standard's text when the
     * bundled standard texts have it ({@code K.CC.1 (to 20): Count to 100…}); else the code alone.
     */
    public static String nameOf(CcssCode code) {
        return name(code, Texts.TEXTS);
    }

    private static final class Loaded {
        static final CcssGraph GRAPH = read();
    }

    private static final class Texts {
        static final Map<String, String> TEXTS = standardTexts();
    }

    private static CcssGraph read() {
        Map<String, String> texts = Texts.TEXTS;
        Set<String> codes = new LinkedHashSet<>();
        List<Prerequisite> edges = new ArrayList<>();
        List<List<String>> rows = csvRows();
        for (List<String> row : rows.subList(1, rows.size())) {
            String kind = row.get(0);
            String begin = row.get(1);
            String end = row.get(2);
            codes.add(begin);
            codes.add(end);
            if (ARROW.equals(kind)) {
                edges.add(new Prerequisite(begin, end));
            }
        }
        List<Skill> skills = new ArrayList<>();
        for (String code : codes) {
            CcssCode c = new CcssCode(code);
            skills.add(new Skill(code, name(c, texts), c.strand(), c.grade()));
        }
        skills.sort(Comparator.comparing(Skill::grade)); // stable: source order within a grade
        return new CcssGraph(skills, edges);
    }

    private static String name(CcssCode code, Map<String, String> texts) {
        String text = texts.get(code.firstStandard());
        return text == null ? code.display() : code.display() + ": " + shorten(text);
    }

    private static String shorten(String text) {
        String t = text.replaceAll("\\s+", " ").trim();
        if (t.length() <= TEXT_LIMIT) {
            return t;
        }
        int cut = t.lastIndexOf(' ', TEXT_LIMIT - 1);
        return t.substring(0, cut > 0 ? cut : TEXT_LIMIT - 1) + "…";
    }

    /**
     * Standard texts keyed like Zimba's codes: standards.json writes {@code K.CC.A.1}; the cluster letter is dropped
     * and K becomes 0 ({@code 0.CC.1}). Domain titles ({@code K.OA} as {@code 0.OA}) name the domain-level nodes.
     */
    private static Map<String, String> standardTexts() {
        Map<String, String> raw;
        try (InputStream in = resource(STANDARDS)) {
            raw = Json.mapper().readValue(in, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STANDARDS, e);
        }
        Map<String, String> byCode = new HashMap<>();
        raw.forEach((key, text) -> {
            String[] parts = key.split("\\.");
            String grade = "K".equals(parts[0]) ? "0" : parts[0];
            if (parts.length == 2) {
                byCode.put(grade + "." + parts[1], text);
            } else if (parts.length >= 4) {
                StringBuilder code = new StringBuilder(grade).append('.').append(parts[1]);
                for (int i = 3; i < parts.length; i++) {
                    code.append('.').append(parts[i]);
                }
                byCode.put(code.toString(), text);
            }
        });
        return byCode;
    }

    private static List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(EDGES),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(csvFields(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + EDGES, e);
        }
        return rows;
    }

    /** One CSV line (RFC 4180 quoting: "a,b" is one field, "" inside quotes is a quote); no field spans lines here. */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static InputStream resource(String path) {
        InputStream in = CcssGraph.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing bundled resource " + path + " (see domain/pom.xml)");
        }
        return in;
    }
}
