package org.regroup.domain.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.regroup.domain.InputError;

/**
 * jqwik generators for what a reader of JSON gets wrong: hostile values (numbers past every bound, control characters,
 * dates that are not, ids from elsewhere), generated trees, byte and token soup, and mutations of a valid document
 * (a field deleted, retyped, renamed, replaced, emptied, duplicated, moved elsewhere; the text cut, spliced, nested
 * too deep, re-encoded). Mutations are data (kind, place, value), so a failure shrinks to the fewest, simplest ones.
 */
public final class JsonMutations {

    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Writes any tree: no part of the format's configuration leaks into the inputs. */
    public static final ObjectMapper TREES = new ObjectMapper();

    /** A JSON path as the readers write one: {@code $}, {@code .name}, {@code [3]}, {@code ["odd key"]}. */
    public static final Pattern PATH = Pattern.compile("\\$(\\.[A-Za-z_][A-Za-z0-9_]*|\\[\\d+]|\\[\".*?\"])*",
            Pattern.DOTALL);
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Words that would betray the implementation in a message meant for whoever wrote the input. */
    public static final List<String> LEAKS = List.of("Exception", "java.", "javax.", "jakarta.", "com.fasterxml",
            "org.regroup", "\tat ", "Caused by", ".java:", "Error:", "StreamReadConstraints", "()`");

    private JsonMutations() {
    }

    /** The kinds of change to a valid document. */
    public enum Kind {
        /** A value of the same JSON type: other text, an extreme number, the other boolean, a list changed. */
        SAME_TYPE, DELETE, REPLACE, NULL, RETYPE, EXTREME_NUMBER, CONTROL_CHARS, EMPTY, DUPLICATE, RENAME, ADD_FIELD,
        TRANSPLANT
    }

    /** Mostly changes that keep the JSON type, so that most documents get past the parser to what checks them. */
    private static final List<Tuple.Tuple2<Integer, Kind>> KINDS = List.of(Tuple.of(8, Kind.SAME_TYPE),
            Tuple.of(2, Kind.DELETE), Tuple.of(2, Kind.REPLACE), Tuple.of(1, Kind.NULL), Tuple.of(1, Kind.RETYPE),
            Tuple.of(1, Kind.EXTREME_NUMBER), Tuple.of(2, Kind.CONTROL_CHARS), Tuple.of(2, Kind.EMPTY),
            Tuple.of(2, Kind.DUPLICATE), Tuple.of(1, Kind.RENAME), Tuple.of(1, Kind.ADD_FIELD),
            Tuple.of(2, Kind.TRANSPLANT));

    /**
     * One change: {@code pattern} picks a kind of place (such as {@code $.students[].grade}, so that rare fields are
     * hit as often as the long lists), {@code instance} one of its places, {@code source} another place (TRANSPLANT).
     */
    public record Mutation(Kind kind, int pattern, int instance, int source, JsonNode value, String name, String text,
            JsonNode number) {
        @Override
        public String toString() {
            String v = kind == Kind.SAME_TYPE ? " '" + clip(text) + "'/" + number : value == null ? ""
                    : " " + clip(value.toString());
            return kind + "@" + pattern + "/" + instance + (kind == Kind.TRANSPLANT ? " from " + source : "") + v
                    + (kind == Kind.RENAME || kind == Kind.ADD_FIELD ? " '" + clip(name) + "'" : "");
        }
    }

    /** What happens to the text after the tree is written. */
    public enum TextKind {
        TRUNCATE, INSERT, DELETE, NEST, UTF8_BOM, UTF16BE, UTF16LE, UTF32
    }

    public record TextEdit(TextKind kind, int at, int length, String text) {
        @Override
        public String toString() {
            return kind + "@" + at + "+" + length + (kind == TextKind.INSERT ? " '" + clip(text) + "'" : "");
        }
    }

    // ---- values ----

    /** Numbers at and past every bound a field could have. */
    public static Arbitrary<JsonNode> extremeNumbers() {
        return Arbitraries.of(
                NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1), NODES.numberNode(-0.0),
                NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(Integer.MIN_VALUE),
                NODES.numberNode(Integer.MAX_VALUE + 1L), NODES.numberNode(Integer.MIN_VALUE - 1L),
                NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
                NODES.numberNode(BigInteger.TWO.pow(64)), NODES.numberNode(BigInteger.TEN.pow(30).negate()),
                NODES.numberNode(BigInteger.TEN.pow(1500)), // longer than Jackson reads a number
                NODES.numberNode(1e308), NODES.numberNode(-1e308), NODES.numberNode(Double.MIN_VALUE),
                NODES.numberNode(new BigDecimal("1e400")), NODES.numberNode(new BigDecimal("-1e-400")),
                NODES.numberNode(new BigDecimal("1e-1000000")), NODES.numberNode(0.5), NODES.numberNode(1.0000001),
                NODES.numberNode(new BigDecimal("99999999999999999999.5")), NODES.numberNode(2.0));
    }

    /** Text a field should not hold: control characters, bidi overrides, lone surrogates' neighbours, length. */
    public static Arbitrary<String> nastyText() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f', '\u2028',
                        '\u202e', '\ufeff', '\uffff', '"', '\\', '\'').ofMinLength(1).ofMaxLength(6)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(12)),
                Tuple.of(2, Arbitraries.of("", " ", "\t", "x".repeat(65), "x".repeat(129), "y".repeat(201),
                        "z".repeat(5_000), "w".repeat(70_000), "\u00e9\u0665\ud83d\ude00", "NaN", "Infinity", "-0",
                        "1e400", "null", "true", "[]", "{}", "$", "$.students[0]", "%00", "../../etc/passwd")));
    }

    /** Strings in the shapes fields take, mostly wrong: dates, times, enum-ish words. */
    public static Arbitrary<String> shapedText() {
        return Arbitraries.of("2026-11-23", "2026-02-30", "+10000-01-01", "0000-01-01", "1899-12-31", "3000-01-01",
                "2026-11-23T10:15:00Z", "2026-11-23T10:15:00", "20261123", "-0001-01-01", "09:00", "9:00", "24:00",
                "25:00", "09:60", "23:59:59.999999999", "00:00", "-01:00", "09:00Z", "teacher", "aide", "tutor",
                "specialist", "TEACHER", "lab", "classroom", "skills", "advisory", "activities", "project",
                "enrichment", "math", "must", "should", "online", "small-group", "regroup/day-problem",
                "regroup/scenario", "30s", "0s", "-5s", "1m30s", "100000000000h");
    }

    /** A value that is wrong for almost any field (and now and then right for some). */
    public static Arbitrary<JsonNode> hostileValue(List<String> ids) {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(NODES.nullNode())),
                Tuple.of(1, Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false))),
                Tuple.of(2, Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i))),
                Tuple.of(1, Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d))),
                Tuple.of(2, extremeNumbers()),
                Tuple.of(3, nastyText().map(NODES::textNode)),
                Tuple.of(2, shapedText().map(NODES::textNode)),
                Tuple.of(2, Arbitraries.of(ids).map(NODES::textNode)),
                Tuple.of(1, Arbitraries.of(ids).list().ofMaxSize(4).map(JsonMutations::textArray)),
                Tuple.of(2, Arbitraries.of(NODES.arrayNode(), NODES.arrayNode().addNull(), NODES.objectNode(),
                        NODES.objectNode().putNull("x"), NODES.arrayNode().add(1).add("a").add(true))));
    }

    private static JsonNode textArray(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** Field names: the format's own (so that a tree gets past "unknown field"), and names that are not. */
    public static Arbitrary<String> names(List<String> known) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(known)),
                Tuple.of(1, Arbitraries.of("", " ", "\u0000", "$", "__proto__", "@type", "class", "ID", "Id",
                        "students ", "a".repeat(2_000))),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)));
    }

    // ---- generated trees ----

    /** Any JSON value up to {@code depth} levels, objects keyed mostly by {@code names}. */
    public static Arbitrary<JsonNode> tree(List<String> names, List<String> ids, int depth) {
        Arbitrary<JsonNode> leaf = hostileValue(ids);
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> tree(names, ids, depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaf),
                Tuple.of(2, child.list().ofMaxSize(4).map(JsonMutations::array)),
                Tuple.of(3, Arbitraries.maps(names(names), child).ofMaxSize(5).map(JsonMutations::object)));
    }

    /** A document: an object of the format's top-level fields (half the time with the right format and version). */
    public static Arbitrary<JsonNode> document(List<String> topLevel, List<String> names, List<String> ids,
            String format) {
        Arbitrary<ObjectNode> body = Arbitraries.maps(names(topLevel), tree(names, ids, 3)).ofMaxSize(8)
                .map(JsonMutations::object);
        return Combinators.combine(body, Arbitraries.of(true, false)).as((object, header) -> {
            if (header) {
                object.put("format", format);
                object.put("version", 1);
            }
            return (JsonNode) object;
        });
    }

    private static JsonNode array(List<JsonNode> values) {
        ArrayNode array = NODES.arrayNode();
        array.addAll(values);
        return array;
    }

    private static ObjectNode object(Map<String, JsonNode> fields) {
        ObjectNode object = NODES.objectNode();
        object.setAll(fields);
        return object;
    }

    // ---- bytes ----

    /** JSON's tokens and near-tokens, to be strung together into text that is almost JSON. */
    public static Arbitrary<String> tokenSoup(List<String> names) {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", " ", "\n", "null", "true", "false",
                        "0", "-", "1", "1.5", "1e999", "-0", "0x10", "01", ".5", "NaN", "Infinity", "'", "\\",
                        "\\u", "\\ud800", "\\u0000", "/*", "//", "\u0000", "\ufeff", "\u00e9", "tru", "nul")),
                Tuple.of(3, Arbitraries.of(names).map(n -> "\"" + n + "\"")),
                Tuple.of(1, Arbitraries.of("{\"format\":\"regroup/day-problem\",\"version\":1,",
                        "{\"format\":\"regroup/scenario\",\"version\":1,", "\"students\":[{\"id\":\"s\"},",
                        "[".repeat(1200), "{\"a\":".repeat(1200), "\"" + "x".repeat(30_000) + "\"")));
        return token.list().ofMaxSize(40).map(tokens -> String.join("", tokens));
    }

    /** Bytes: arbitrary, or the token soup in UTF-8. */
    public static Arbitrary<byte[]> bytes(List<String> names) {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(400)),
                Tuple.of(2, tokenSoup(names).map(s -> s.getBytes(StandardCharsets.UTF_8))));
    }

    // ---- mutations of a valid document ----

    public static Arbitrary<Mutation> mutation(List<String> names, List<String> ids) {
        // no edge cases: they would send most mutations to the first and last places
        Arbitrary<Integer> place = Arbitraries.integers().between(0, 100_000).withoutEdgeCases();
        Arbitrary<String> text = Arbitraries.frequencyOf(Tuple.of(2, nastyText()), Tuple.of(2, shapedText()),
                Tuple.of(3, Arbitraries.of(ids)));
        Arbitrary<JsonNode> number = Arbitraries.frequencyOf(Tuple.of(1, extremeNumbers()),
                Tuple.of(1, Arbitraries.integers().between(-5, 100).map(i -> (JsonNode) NODES.numberNode(i))),
                Tuple.of(1, Arbitraries.doubles().between(-1, 2).map(d -> (JsonNode) NODES.numberNode(d))));
        return Arbitraries.frequency(KINDS).flatMap(kind -> Combinators.combine(place, place, place,
                valueFor(kind, ids), names(names), text, number)
                .as((pattern, instance, source, value, name, t, n) -> new Mutation(kind, pattern, instance, source,
                        value, name, t, n)));
    }

    private static Arbitrary<JsonNode> valueFor(Kind kind, List<String> ids) {
        return switch (kind) {
            case REPLACE, ADD_FIELD -> hostileValue(ids);
            case EXTREME_NUMBER -> extremeNumbers();
            case CONTROL_CHARS -> nastyText().map(NODES::textNode);
            default -> Arbitraries.just(null);
        };
    }

    public static Arbitrary<TextEdit> textEdit() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 1_000_000).withoutEdgeCases();
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 3_000);
        Arbitrary<String> text = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "\\", "null", ",,", "\u0000", "//",
                        "\"x\":1,", "\"format\":1,", "\ufeff")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(6)));
        return Combinators.combine(Arbitraries.of(TextKind.class), at, length, text).as(TextEdit::new);
    }

    /** The seed document with the mutations made in order, then written and (maybe) edited as text. */
    public static byte[] mutated(JsonNode seed, List<Mutation> mutations, TextEdit edit) {
        JsonNode tree = seed.deepCopy();
        for (Mutation m : mutations) {
            tree = apply(tree, m, new ArrayList<>());
        }
        return edit == null ? write(tree) : edit(write(tree), edit);
    }

    /** What the mutations did, at which paths ("DELETE $.modalities[1].suits[0]"): for a failure's message. */
    public static List<String> describe(JsonNode seed, List<Mutation> mutations, TextEdit edit) {
        List<String> done = new ArrayList<>();
        JsonNode tree = seed.deepCopy();
        for (Mutation m : mutations) {
            tree = apply(tree, m, done);
        }
        if (edit != null) {
            done.add("then " + edit);
        }
        return done;
    }

    /** Runs {@code check} on the mutated document; a failure names the mutations' paths and the document's start. */
    public static <T> T explained(JsonNode seed, List<Mutation> mutations, TextEdit edit,
            java.util.function.Function<byte[], T> check) {
        byte[] json = mutated(seed, mutations, edit);
        try {
            return check.apply(json);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(describe(seed, mutations, edit) + " gave " + e, e);
        }
    }

    public static byte[] write(JsonNode tree) {
        try {
            return TREES.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A place in a tree: a field of an object or an element of an array, and its path. */
    private record Slot(JsonNode parent, String field, int index, String path) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    /** Every place in the tree, grouped by kind of place ({@code $.students[].grade}; map keys as {@code *}). */
    private static Map<String, List<Slot>> places(JsonNode root) {
        Map<String, List<Slot>> places = new LinkedHashMap<>();
        collect(root, "$", "$", places);
        return places;
    }

    private static void collect(JsonNode node, String pattern, String path, Map<String, List<Slot>> places) {
        if (node instanceof ObjectNode object) {
            for (String name : iterable(object)) {
                boolean plain = PLAIN_NAME.matcher(name).matches();
                String p = pattern + "." + (plain ? name : "*");
                String at = path + (plain ? "." + name : "[\"" + name + "\"]");
                places.computeIfAbsent(p, k -> new ArrayList<>()).add(new Slot(object, name, -1, at));
                collect(object.get(name), p, at, places);
            }
        } else if (node instanceof ArrayNode array) {
            String p = pattern + "[]";
            for (int i = 0; i < array.size(); i++) {
                String at = path + "[" + i + "]";
                places.computeIfAbsent(p, k -> new ArrayList<>()).add(new Slot(array, null, i, at));
                collect(array.get(i), p, at, places);
            }
        }
    }

    private static List<String> iterable(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static JsonNode apply(JsonNode root, Mutation m, List<String> done) {
        Map<String, List<Slot>> places = places(root);
        if (places.isEmpty()) {
            done.add(m.kind() + " $ (a scalar or empty document by now)");
            return m.value() == null ? NODES.objectNode() : m.value().deepCopy();
        }
        List<String> patterns = new ArrayList<>(places.keySet());
        List<Slot> kind = places.get(patterns.get(m.pattern() % patterns.size()));
        Slot at = kind.get(m.instance() % kind.size());
        JsonNode value = at.get();
        String with = m.kind() == Kind.SAME_TYPE ? (value.isTextual() ? " = '" + clip(m.text()) + "'"
                : value.isNumber() ? " = " + m.number() : "")
                : m.value() == null ? "" : " = " + clip(m.value().toString());
        done.add(m.kind() + " " + clip(at.path()) + with
                + (m.kind() == Kind.RENAME || m.kind() == Kind.ADD_FIELD ? " '" + clip(m.name()) + "'" : ""));
        switch (m.kind()) {
            case SAME_TYPE -> {
                if (value.isTextual()) {
                    at.set(NODES.textNode(m.text()));
                } else if (value.isNumber()) {
                    at.set(m.number().deepCopy());
                } else if (value.isBoolean()) {
                    at.set(NODES.booleanNode(!value.booleanValue()));
                } else if (value instanceof ArrayNode array && !array.isEmpty()) {
                    array.remove(m.source() % array.size()); // one entry fewer
                } else if (value instanceof ObjectNode object && !object.isEmpty()) {
                    object.remove(iterable(object).get(m.source() % object.size())); // one field fewer
                }
            }
            case DELETE -> at.remove();
            case REPLACE, EXTREME_NUMBER -> at.set(m.value().deepCopy());
            case NULL -> at.set(NODES.nullNode());
            case RETYPE -> at.set(retype(value));
            case CONTROL_CHARS -> at.set(NODES.textNode((value.isTextual() ? value.textValue() : "")
                    + m.value().textValue()));
            case EMPTY -> {
                if (value.isContainerNode()) {
                    emptied(value);
                } else {
                    emptied(at.parent());
                }
            }
            case DUPLICATE -> {
                if (value instanceof ArrayNode array) {
                    array.addAll(array.deepCopy()); // every element twice: duplicate ids
                } else if (at.field() == null) {
                    ((ArrayNode) at.parent()).insert(at.index(), value.deepCopy());
                } else {
                    at.set(NODES.arrayNode().add(value.deepCopy()).add(value.deepCopy()));
                }
            }
            case RENAME -> {
                if (at.field() != null && !at.parent().has(m.name())) {
                    ((ObjectNode) at.parent()).remove(at.field());
                    ((ObjectNode) at.parent()).set(m.name(), value);
                } else {
                    at.set(NODES.objectNode().set(m.name(), value));
                }
            }
            case ADD_FIELD -> (value instanceof ObjectNode object ? object
                    : at.parent() instanceof ObjectNode parent ? parent : NODES.objectNode())
                    .set(m.name(), m.value().deepCopy());
            case TRANSPLANT -> {
                List<Slot> all = places.values().stream().flatMap(List::stream).toList();
                Slot from = all.get(m.source() % all.size());
                done.add("  from " + clip(from.path()));
                at.set(from.get().deepCopy());
            }
            default -> throw new IllegalStateException(m.kind().toString());
        }
        return root;
    }

    private static void emptied(JsonNode container) {
        if (container instanceof ObjectNode object) {
            object.removeAll();
        } else if (container instanceof ArrayNode array) {
            array.removeAll();
        }
    }

    /** The same content as another JSON type: 3 → "3", "3" → 3, true → "true", [x] → {"0": x}, {…} → [{…}]. */
    private static JsonNode retype(JsonNode value) {
        if (value.isNumber() || value.isBoolean()) {
            return NODES.textNode(value.asText());
        }
        if (value.isTextual()) {
            try {
                return NODES.numberNode(new BigDecimal(value.textValue()));
            } catch (NumberFormatException notANumber) {
                return value.textValue().isEmpty() ? NODES.booleanNode(false) : NODES.numberNode(
                        value.textValue().length());
            }
        }
        if (value instanceof ArrayNode array) {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < array.size(); i++) {
                object.set(Integer.toString(i), array.get(i));
            }
            return object;
        }
        if (value.isObject()) {
            return NODES.arrayNode().add(value);
        }
        return NODES.textNode("null");
    }

    static byte[] edit(byte[] json, TextEdit e) {
        String text = new String(json, StandardCharsets.UTF_8);
        int at = text.isEmpty() ? 0 : e.at() % text.length();
        String edited = switch (e.kind()) {
            case TRUNCATE -> text.substring(0, at);
            case INSERT -> text.substring(0, at) + e.text() + text.substring(at);
            case DELETE -> text.substring(0, at) + text.substring(Math.min(text.length(), at + e.length()));
            case NEST -> nest(text, at, e.length());
            case UTF8_BOM -> "\ufeff" + text;
            case UTF16BE, UTF16LE, UTF32 -> text;
        };
        Charset charset = switch (e.kind()) {
            case UTF16BE -> StandardCharsets.UTF_16BE;
            case UTF16LE -> StandardCharsets.UTF_16LE;
            case UTF32 -> Charset.forName("UTF-32BE");
            default -> StandardCharsets.UTF_8;
        };
        return edited.getBytes(charset);
    }

    /** The value after the first ':' from {@code at} wrapped in {@code depth} arrays: deeper than a reader goes. */
    private static String nest(String text, int at, int depth) {
        int colon = text.indexOf(':', at);
        if (colon < 0) {
            return "[".repeat(depth) + text + "]".repeat(depth);
        }
        int end = valueEnd(text, colon + 1);
        return text.substring(0, colon + 1) + "[".repeat(depth) + text.substring(colon + 1, end) + "]".repeat(depth)
                + text.substring(end);
    }

    /** Where the JSON value starting at {@code from} ends (strings and nesting respected). */
    private static int valueEnd(String text, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    // ---- the property ----

    /**
     * What every refusal must be: at least one error, each at a JSON path, each a sentence that names no Java class or
     * stack frame. Returns a short label of the outcome for jqwik's statistics.
     */
    public static String checkRefusal(org.regroup.domain.InvalidInputException refused) {
        if (refused.errors().isEmpty()) {
            throw new AssertionError("a refusal without errors: " + refused.getMessage());
        }
        for (InputError error : refused.errors()) {
            if (error.path() == null || !PATH.matcher(error.path()).matches()) {
                throw new AssertionError("an error whose path is not a JSON path: '" + error.path() + "': " + error);
            }
            if (error.message() == null || error.message().isBlank()) {
                throw new AssertionError("an error without a message at " + error.path());
            }
            for (String leak : LEAKS) {
                if (error.message().contains(leak)) {
                    throw new AssertionError("an error that says '" + leak + "': " + clip(error.toString()));
                }
            }
        }
        return "refused";
    }

    static String clip(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "… (" + s.length() + " characters)";
    }
}
