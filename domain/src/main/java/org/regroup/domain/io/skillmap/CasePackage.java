package org.regroup.domain.io.skillmap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.regroup.domain.Prerequisite;
import org.regroup.domain.Skill;
import org.regroup.domain.io.oneroster.GradeCodes;
import org.regroup.domain.io.oneroster.Problems;
import org.regroup.domain.io.oneroster.RosterMapper;

/**
 * An IMS CASE 1.0 package as JSON (docs/import.md, "Skill maps"): {@code CFDocument}, {@code CFItems} and
 * {@code CFAssociations}. {@code isChildOf} (origin is a child of destination) gives the hierarchy, {@code precedes}
 * (origin precedes destination) makes the origin a prerequisite of the destination; other association types are
 * ignored. An item becomes a skill when it has no children or a {@code precedes} names it: its id is its
 * {@code humanCodingScheme} (else its {@code identifier}), its name its {@code fullStatement}, its grade the lowest of
 * its {@code educationLevel} (else its nearest parent's), its strand the subject and the {@code humanCodingScheme} of
 * its top item ({@code science/LS}). Every fault is reported at its JSON path ({@code $.CFItems[3].fullStatement}).
 */
public final class CasePackage {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final String CHILD = "isChildOf";
    private static final String PRECEDES = "precedes";

    /** An item of the package and its JSON path. */
    private record Item(String identifier, String code, String statement, Integer grade, String path) {
        String skillId() {
            return code != null ? code : identifier;
        }
    }

    private CasePackage() {
    }

    /**
     * Reads the package; its faults go to {@code problems}.
     *
     * @param subject the strand's subject ({@code --strand}), or null to take it from the CFDocument's subject
     */
    public static SkillMap read(String file, byte[] bytes, String subject, Problems problems) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            problems.error(file, at == null || at.getLineNr() < 1 ? null : (long) at.getLineNr(), null, null,
                    "not a JSON document: " + e.getOriginalMessage() + (at == null ? "" : " (line "
                            + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
            return empty(file, subject);
        } catch (IOException e) {
            problems.error(file, null, null, null, "not a JSON document (" + e.getMessage() + ")");
            return empty(file, subject);
        }
        if (root == null || !root.isObject()) {
            problems.error(file, null, "$", null, "a CASE package is a JSON object with CFDocument, CFItems and "
                    + "CFAssociations");
            return empty(file, subject);
        }
        JsonNode document = root.get("CFDocument");
        if (document == null || !document.isObject()) {
            problems.error(file, null, "$.CFDocument", null, document == null ? "missing: the package's CFDocument"
                    : "is not an object");
            return empty(file, subject);
        }
        String documentId = text(document, "identifier");
        String s = subject != null ? subject : subjectOf(file, document, problems);
        List<Item> items = items(file, root, problems);
        Map<String, Item> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.putIfAbsent(i.identifier(), i));

        Map<String, String> parent = new HashMap<>();
        Set<String> hasChildren = new HashSet<>();
        Set<String> preceding = new HashSet<>();
        List<String[]> precedes = new ArrayList<>(); // origin, destination, path
        JsonNode associations = array(file, root, "CFAssociations", problems);
        Map<String, Integer> ignored = new TreeMap<>();
        for (int i = 0; associations != null && i < associations.size(); i++) {
            String at = "$.CFAssociations[" + i + "]";
            JsonNode a = associations.get(i);
            String type = a.isObject() ? text(a, "associationType") : null;
            if (type == null) {
                problems.error(file, null, at + ".associationType", null, a.isObject() ? "missing: the "
                        + "association's type (isChildOf, precedes, …)" : "an association is a JSON object");
                continue;
            }
            if (!type.equals(CHILD) && !type.equals(PRECEDES)) {
                ignored.merge(type, 1, Integer::sum);
                continue;
            }
            String origin = node(file, a, at, "originNodeURI", problems);
            String destination = node(file, a, at, "destinationNodeURI", problems);
            if (origin == null || destination == null) {
                continue;
            }
            boolean ok = known(file, origin, byId, at + ".originNodeURI.identifier", problems);
            boolean toDocument = type.equals(CHILD) && destination.equals(documentId);
            ok &= toDocument || known(file, destination, byId, at + ".destinationNodeURI.identifier", problems);
            if (!ok) {
                continue;
            }
            if (type.equals(CHILD)) {
                if (!toDocument) {
                    String had = parent.putIfAbsent(origin, destination);
                    if (had != null && !had.equals(destination)) {
                        problems.warning(file, null, at, sourced(byId.get(origin)), "the item is a child of "
                                + "two items; the first, '" + had + "', gives its grade and strand");
                    }
                    hasChildren.add(destination);
                }
            } else {
                preceding.add(origin);
                preceding.add(destination);
                precedes.add(new String[] { origin, destination, at });
            }
        }
        if (!ignored.isEmpty()) {
            problems.warning(file, null, "$.CFAssociations", null, "associations of types a skill map does not "
                    + "use, ignored: " + ignored.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .reduce((x, y) -> x + ", " + y).orElse(""));
        }

        List<SkillMap.Node> skills = new ArrayList<>();
        Map<String, String> skillOf = new HashMap<>(); // item identifier -> skill id
        Map<String, Item> bySkillId = new HashMap<>();
        for (Item item : byId.values()) {
            if (hasChildren.contains(item.identifier()) && !preceding.contains(item.identifier())) {
                continue; // a heading of the hierarchy, not a skill
            }
            Item other = bySkillId.putIfAbsent(item.skillId(), item);
            if (other != null) {
                problems.error(file, null, item.path() + (item.code() != null ? ".humanCodingScheme" : ".identifier"),
                        item.skillId(), "the skill id '" + item.skillId() + "' is also that of " + other.path());
                continue;
            }
            Integer grade = gradeOf(item, byId, parent);
            if (grade == null) {
                problems.error(file, null, item.path() + ".educationLevel", item.skillId(), "no grade: neither the "
                        + "item nor an item above it has an educationLevel (KG, 01 … 12)");
                continue;
            }
            String domain = domainOf(item, byId, parent);
            String strand = s == null ? null : domain == null ? s : s + "/" + domain;
            skills.add(new SkillMap.Node(new Skill(item.skillId(), item.statement(), strand, grade), null,
                    item.path()));
            skillOf.put(item.identifier(), item.skillId());
        }
        List<SkillMap.Arrow> arrows = new ArrayList<>();
        for (String[] p : precedes) {
            String from = skillOf.get(p[0]);
            String to = skillOf.get(p[1]);
            if (from != null && to != null) {
                arrows.add(new SkillMap.Arrow(new Prerequisite(from, to), null, p[2]));
            }
        }
        if (skills.isEmpty() && !problems.hasErrors()) {
            problems.error(file, null, "$.CFItems", null, "the package has no items, so no skills: a skill map needs "
                    + "at least one");
        }
        return new SkillMap(file, s, skills, SkillMap.acyclic(file, skills, arrows, problems));
    }

    private static SkillMap empty(String file, String subject) {
        return new SkillMap(file, subject, List.of(), List.of());
    }

    /** The CFDocument's subject as a strand ({@code Mathematics} → {@code math}); null (and an error) when none. */
    private static String subjectOf(String file, JsonNode document, Problems problems) {
        JsonNode subject = document.get("subject");
        String first = subject == null ? null : subject.isArray() && !subject.isEmpty() ? subject.get(0).asText(null)
                : subject.isTextual() ? subject.asText() : null;
        String strand = first == null || first.isBlank() ? null : RosterMapper.strand(first);
        if (strand == null || !SkillMap.isSubject(strand)) {
            problems.error(file, null, "$.CFDocument.subject", null, "no subject to make the skills' strand of: give "
                    + "the strand (--strand, ?strand=)");
            return null;
        }
        return strand;
    }

    private static List<Item> items(String file, JsonNode root, Problems problems) {
        JsonNode array = array(file, root, "CFItems", problems);
        List<Item> items = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            String at = "$.CFItems[" + i + "]";
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                problems.error(file, null, at, null, "an item is a JSON object");
                continue;
            }
            int before = problems.errors().size();
            String id = required(file, item, at, "identifier", null, problems);
            String code = optional(file, item, at, "humanCodingScheme", id, problems);
            String statement = required(file, item, at, "fullStatement", code != null ? code : id, problems);
            statement = statement == null ? null : statement.replaceAll("\\s+", " ");
            Integer grade = grade(file, item, at, code != null ? code : id, problems);
            if (problems.errors().size() > before) {
                continue;
            }
            String other = seen.putIfAbsent(id, at);
            if (other != null) {
                problems.error(file, null, at + ".identifier", id, "the identifier '" + id + "' is also that of "
                        + other);
                continue;
            }
            items.add(new Item(id, code, statement, grade, at));
        }
        return items;
    }

    /** The lowest grade of an item's educationLevel (CEDS codes, as OneRoster's: KG, 01 … 13); null when none. */
    private static Integer grade(String file, JsonNode item, String at, String id, Problems problems) {
        JsonNode levels = item.get("educationLevel");
        if (levels == null || levels.isNull()) {
            return null;
        }
        List<JsonNode> codes = new ArrayList<>();
        if (levels.isArray()) {
            levels.forEach(codes::add);
        } else {
            codes.add(levels);
        }
        Integer lowest = null;
        for (int k = 0; k < codes.size(); k++) {
            JsonNode c = codes.get(k);
            String path = at + ".educationLevel" + (levels.isArray() ? "[" + k + "]" : "");
            GradeCodes.Grade g = c.isTextual() ? GradeCodes.parse(c.asText()) : null;
            if (g == null || !g.valid()) {
                problems.error(file, null, path, id, "'" + CcssEdgesFile.clip(c.asText()) + "' is not a grade: "
                        + "KG, 01 … 12");
            } else if (g.level() != null && (lowest == null || g.level() < lowest)) {
                lowest = g.level();
            }
        }
        return lowest;
    }

    private static Integer gradeOf(Item item, Map<String, Item> byId, Map<String, String> parent) {
        Set<String> seen = new HashSet<>();
        for (Item at = item; at != null && seen.add(at.identifier()); at = byId.get(parent.get(at.identifier()))) {
            if (at.grade() != null) {
                return at.grade();
            }
        }
        return null;
    }

    /** The humanCodingScheme of the item's top item (its domain), or null when it is a top item or has none. */
    private static String domainOf(Item item, Map<String, Item> byId, Map<String, String> parent) {
        Set<String> seen = new HashSet<>();
        Item top = item;
        while (seen.add(top.identifier()) && byId.containsKey(parent.get(top.identifier()))) {
            top = byId.get(parent.get(top.identifier()));
        }
        return top == item || top.code() == null ? null : top.code().replace('/', '-');
    }

    private static JsonNode array(String file, JsonNode root, String name, Problems problems) {
        JsonNode a = root.get(name);
        if (a == null || !a.isArray()) {
            problems.error(file, null, "$." + name, null, a == null ? "missing: the package's " + name
                    : "is not a list");
            return null;
        }
        return a;
    }

    /** The identifier a LinkURI names ({@code originNodeURI.identifier}); null (and an error) when none. */
    private static String node(String file, JsonNode association, String at, String field, Problems problems) {
        JsonNode link = association.get(field);
        String id = link != null && link.isObject() ? text(link, "identifier") : null;
        if (id == null) {
            problems.error(file, null, at + "." + field + ".identifier", null, "missing: the identifier of the "
                    + "association's " + (field.startsWith("origin") ? "origin" : "destination"));
        }
        return id;
    }

    private static boolean known(String file, String id, Map<String, Item> byId, String at, Problems problems) {
        if (byId.containsKey(id)) {
            return true;
        }
        problems.error(file, null, at, CcssEdgesFile.clip(id), "no item '" + CcssEdgesFile.clip(id)
                + "' in the package (a dangling reference)");
        return false;
    }

    private static String sourced(Item item) {
        return item == null ? null : item.skillId();
    }

    private static String required(String file, JsonNode node, String at, String field, String id,
            Problems problems) {
        String v = optional(file, node, at, field, id, problems);
        if (v == null && (node.get(field) == null || node.get(field).isNull() || node.get(field).isTextual())) {
            problems.error(file, null, at + "." + field, id, "missing: the item's " + field);
        }
        return v;
    }

    /** A text field, stripped; null when absent or blank; an error when it is not text. */
    private static String optional(String file, JsonNode node, String at, String field, String id,
            Problems problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            problems.error(file, null, at + "." + field, id, "is not text");
            return null;
        }
        return v.asText().isBlank() ? null : v.asText().strip();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
    }
}
