package org.regroup.rest.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.Json;
import org.regroup.store.Erasure;
import org.regroup.store.Schools;

/**
 * Makes stored data forget one student. The standing data and day inputs lose them altogether (they are no longer
 * planned). Stored documents (plans, checkpoints, the days they solve, recipes) keep them under an opaque id, the same
 * in every document of one erasure and recorded nowhere, so past days stay readable and their counts right: the name
 * goes, as does free text written about them; every field that holds a student id is known by its key, so another
 * kind of id that happens to be equal (a staff id) is left alone.
 */
final class Anonymizer implements Erasure.Rewrite {

    /** Keys whose value is one student id. */
    private static final Set<String> STUDENT_ID = Set.of("studentId");
    /** Keys whose value is a list of student ids (or, for {@code students}, of student entries or seats). */
    private static final Set<String> STUDENT_IDS = Set.of("students", "keepApart", "peers", "advisees",
            "absentStudents", "studentsGone", "readinessChanged");
    /** Free text: may name anyone (a teacher's reason, a commitment, the solver's explanations). */
    private static final Set<String> FREE_TEXT = Set.of("message", "reasons", "note", "reason", "description");
    /** Free text about the erased student themselves: dropped, not scrubbed. */
    private static final Set<String> THEIR_TEXT = Set.of("note", "reason", "description");

    private final String studentId;
    private final String opaqueId;
    private final Pattern mentions;

    Anonymizer(String studentId, String name, String opaqueId) {
        this.studentId = studentId;
        this.opaqueId = opaqueId;
        String id = "(?<![\\w-])" + Pattern.quote(studentId) + "(?![\\w-])";
        this.mentions = Pattern.compile(name == null || name.isBlank() ? id
                : id + "|" + Pattern.quote(name.strip()));
    }

    @Override
    public DayProblem standing(DayProblem standing) {
        ObjectNode tree = Json.mapper().valueToTree(standing);
        ArrayNode students = (ArrayNode) tree.get("students");
        if (students != null) {
            removeWhere(students, s -> studentId.equals(s.path("id").asText(null)));
            students.forEach(s -> {
                removeId(s.get("keepApart"));
                removeId(s.get("peers"));
            });
        }
        if (tree.get("staff") instanceof ArrayNode staff) {
            staff.forEach(a -> removeId(a.get("advisees")));
        }
        if (tree.get("requests") instanceof ArrayNode requests) {
            removeWhere(requests, r -> studentId.equals(r.path("studentId").asText(null)));
        }
        try {
            return Json.mapper().treeToValue(tree, DayProblem.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Schools.DayInput dayInput(Schools.DayInput input) {
        return new Schools.DayInput(input.absentStudents().stream().filter(s -> !s.equals(studentId)).toList(),
                input.absentStaff(), input.closedSpaces());
    }

    @Override
    public String document(String json) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored document is unreadable", e);
        }
        JsonNode after = walk(tree, null);
        try {
            return Json.mapper().writeValueAsString(after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node with the student made anonymous; {@code key}: the field it is the value of (or its list's). */
    private JsonNode walk(JsonNode node, String key) {
        if (node.isTextual()) {
            if (studentId.equals(node.asText()) && (STUDENT_ID.contains(key) || STUDENT_IDS.contains(key))) {
                return TextNode.valueOf(opaqueId);
            }
            if (FREE_TEXT.contains(key)) {
                return TextNode.valueOf(scrub(node.asText()));
            }
            return node;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, walk(array.get(i), key));
            }
            return array;
        }
        if (node instanceof ObjectNode object) {
            boolean theirs = studentId.equals(object.path("studentId").asText(null));
            if ("students".equals(key) && studentId.equals(object.path("id").asText(null))) {
                // their entry in a day problem: the rules read the rest (so a past day's analysis stays as it was)
                object.put("id", opaqueId);
                object.remove("name");
                theirs = true;
            }
            if (theirs) {
                object.remove(THEIR_TEXT);
                dropText(object.get("blocks")); // a day card's entries: a commitment's description, say
                dropText(object.get("commitments"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(walk(field.getValue(), field.getKey()));
            }
            return object;
        }
        return node;
    }

    private static void dropText(JsonNode entries) {
        if (entries instanceof ArrayNode array) {
            array.forEach(e -> {
                if (e instanceof ObjectNode o) {
                    o.remove(THEIR_TEXT);
                }
            });
        }
    }

    /** Free text with every mention of the student (their id as a word, their full name) replaced. */
    String scrub(String text) {
        Matcher m = mentions.matcher(text);
        return m.find() ? m.replaceAll(Matcher.quoteReplacement(opaqueId)) : text;
    }

    private void removeId(JsonNode ids) {
        if (ids instanceof ArrayNode array) {
            removeWhere(array, id -> studentId.equals(id.asText(null)));
        }
    }

    private static void removeWhere(ArrayNode array, java.util.function.Predicate<JsonNode> gone) {
        for (int i = array.size() - 1; i >= 0; i--) {
            if (gone.test(array.get(i))) {
                array.remove(i);
            }
        }
    }
}
