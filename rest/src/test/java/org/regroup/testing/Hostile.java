package org.regroup.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.regroup.domain.io.Json;

/**
 * What the fuzz tests throw at the server and the command line, from one seeded {@link Random}: values that are
 * wrong in every way a client gets them wrong (bad escapes, numbers that overflow, nulls in lists, text longer than
 * anything is kept in, wrong types, dates that are not dates or not in range), and mutations of a valid document.
 * None of it contains a word a leak check looks for ("Exception", "java.", "Grizzly"…), so any such word in an answer
 * is the server's own.
 */
public final class Hostile {

    public static final ObjectMapper JSON = Json.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A path segment or query value as it goes on the request line: may be a malformed escape on purpose. */
    public static final List<String> RAW_URI_VALUES = List.of("%ZZ", "%", "%0", "%G1", "%%", "%00", "%2F", "%2e%2e",
            "..", ".", "%20", "%C3%A9", "%FF%FE", "%C0%AF", "%ED%A0%80", "%E2%80%AE", "a;b=c", "x%3Fy", "%23", "~",
            "'", "\"", "<b>", "{}", "|", "\\", "^", "`", "a".repeat(3000), "9".repeat(30), "-1", "0", "2147483648",
            "-2147483649", "9223372036854775808", "1e3", "0x10", "1.5", "+10000-01-01", "2026-11-23T00:00:00Z",
            "2026-02-30", "0000-01-01", "2026-13-01", "1899-12-31", "3000-01-01", "20261123", "null", "true", "",
            "%20%20", "a%2Fb", "%uFFFF", "\u00e9", "\u0665", "%E0%A5%A7", "2026-11-23%00", "b1%0D%0AX-Injected:%201");

    /** Header values that are not what their header takes. */
    public static final List<String> HEADER_VALUES = List.of(";;;", "", " ", "*", "a/b/c", "text/", "/json",
            "application/json;;", "application/json; charset=nope", "application/json; q=abc", "*/*;q=2",
            "*/*;q=-1", "\"", "x".repeat(6000), "text/html", "text/csv", "application/xml", "\u00e9/\u00e9",
            "application/json, ;;;", "multipart/form-data; boundary=", "application/problem+json");

    /** Headers a resource or Jersey parses on the way. */
    public static final List<String> PARSED_HEADERS = List.of("Accept", "Accept-Language", "Accept-Charset",
            "Accept-Encoding", "If-None-Match", "If-Match", "If-Modified-Since", "If-Unmodified-Since", "Cookie",
            "Content-Language", "Date", "Range", "Expect", "Authorization", "Origin", "X-Forwarded-Host");

    private final Random random;

    public Hostile(Random random) {
        this.random = random;
    }

    public Random random() {
        return random;
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    public String rawUriValue() {
        return pick(RAW_URI_VALUES);
    }

    public String headerValue() {
        return pick(HEADER_VALUES);
    }

    /** A JSON value that is wrong for almost any field: each kind a client gets wrong. */
    public JsonNode value() {
        return switch (random.nextInt(27)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(0);
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(1.5);
            case 5 -> NODES.numberNode(new java.math.BigInteger("99999999999999999999"));
            case 6 -> NODES.numberNode(new java.math.BigInteger("-9223372036854775809"));
            case 7 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 8 -> NODES.numberNode(Integer.MAX_VALUE);
            case 9 -> NODES.textNode("");
            case 10 -> NODES.textNode(" ");
            case 11 -> NODES.textNode("x".repeat(pick(List.of(65, 129, 201, 5000))));
            case 12 -> NODES.textNode("\u0000\u0001\ud800");
            case 13 -> NODES.textNode(pick(List.of("+10000-01-01", "2026-11-23T00:00:00Z", "2026-02-30",
                    "1700000000", "2026-11-23T10:00:00", "yesterday", "-0001-01-01", "1899-12-31")));
            case 14 -> NODES.numberNode(1_700_000_000L);
            case 15 -> NODES.arrayNode();
            case 16 -> NODES.arrayNode().add(NODES.nullNode());
            case 17 -> NODES.objectNode();
            case 18 -> NODES.objectNode().set("x", NODES.nullNode());
            case 19 -> deep(40); // deeper than Jackson writes: see mutateText
            case 20 -> NODES.textNode("NaN");
            case 21 -> NODES.arrayNode().add(NODES.textNode("b1")).add(NODES.nullNode()).add(NODES.numberNode(7));
            case 22 -> NODES.textNode("%ZZ");
            case 23 -> NODES.numberNode(-2_000_000_000);
            case 24 -> NODES.textNode("\u00e9\u0665\u202e");
            case 25 -> NODES.numberNode(new java.math.BigDecimal("-1e-400"));
            default -> NODES.textNode("-5s");
        };
    }

    private static JsonNode deep(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode at = root;
        for (int i = 1; i < depth; i++) {
            at = at.addArray();
        }
        return root;
    }

    /**
     * {@code seed} (a valid document) changed in 1 to 3 places by a tree mutation, or once by a text mutation, or
     * (one time in ten) not at all, so that the valid paths run too.
     */
    public byte[] mutate(JsonNode seed) {
        if (chance(0.1)) {
            return bytes(seed);
        }
        if (chance(0.15)) {
            return mutateText(bytes(seed));
        }
        JsonNode tree = seed.deepCopy();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            tree = mutateTree(tree);
        }
        return bytes(tree);
    }

    private JsonNode mutateTree(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return value(); // the document is a scalar by now: another one
        }
        JsonNode at = pick(containers);
        if (at instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            switch (names.isEmpty() ? 3 : random.nextInt(5)) {
                case 0, 1 -> object.set(pick(names), value()); // a wrong value in a real field
                case 2 -> object.remove(pick(names)); // a field left out
                case 3 -> object.set(pick(List.of("unknownField", "Id", "", "format ")), value());
                default -> {
                    String name = pick(names); // the right kind of value, far too long or of another type
                    JsonNode v = object.get(name);
                    object.set(name, v.isTextual() ? NODES.textNode(v.asText().repeat(300))
                            : v.isNumber() ? NODES.textNode(v.asText()) : NODES.numberNode(random.nextInt(10) - 5));
                }
            }
        } else if (at instanceof ArrayNode array) {
            switch (array.isEmpty() ? 0 : random.nextInt(4)) {
                case 0 -> array.insert(array.isEmpty() ? 0 : random.nextInt(array.size() + 1), NODES.nullNode());
                case 1 -> array.set(random.nextInt(array.size()), value());
                case 2 -> array.add(array.get(random.nextInt(array.size())).deepCopy()); // a duplicate entry
                default -> array.remove(random.nextInt(array.size()));
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collect(children.next(), into);
            }
        }
    }

    /** A text mutation: cut short, a stray byte, bytes that are not UTF-8, or not JSON at all. */
    public byte[] mutateText(byte[] json) {
        return switch (random.nextInt(7)) {
            case 0 -> java.util.Arrays.copyOf(json, random.nextInt(json.length + 1));
            case 1 -> insert(json, random.nextInt(json.length + 1), new byte[] {STRAY[random.nextInt(STRAY.length)]});
            case 2 -> insert(json, random.nextInt(json.length + 1), new byte[] {(byte) 0xC3, (byte) 0x28,
                    (byte) 0xFF});
            case 3 -> pick(List.of("", "null", "[]", "\"text\"", "0", "{", "}", "{\"a\":1}{\"b\":2}", "\ufeff{}",
                    "{\"format\": \"regroup/day-problem\", \"format\": 7}", "[".repeat(1200) + "]".repeat(1200),
                    "{\"a\":".repeat(1200) + "1" + "}".repeat(1200))).getBytes(StandardCharsets.UTF_8);
            case 4 -> {
                byte[] noise = new byte[random.nextInt(200)];
                random.nextBytes(noise);
                yield noise;
            }
            case 5 -> new String(json, StandardCharsets.UTF_8).replace(":", "=").getBytes(StandardCharsets.UTF_8);
            default -> insert(json, 0, "\ufeff".getBytes(StandardCharsets.UTF_8)); // a byte-order mark
        };
    }

    private static final byte[] STRAY = {',', '{', ']', '"', 0, '\\', 0x7f};

    private static byte[] insert(byte[] into, int at, byte[] what) {
        byte[] out = new byte[into.length + what.length];
        System.arraycopy(into, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(into, at, out, at + what.length, into.length - at);
        return out;
    }

    public static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON document of the test resources ({@code /fuzz/day.json}…). */
    public static JsonNode resource(String name) {
        try (InputStream in = Hostile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words that would betray the implementation in an answer: a class, a stack frame, the server's name. */
    public static final List<String> LEAKS = List.of("Exception", "\tat ", "at org.", "at java.", "org.regroup",
            "java.", "jakarta.", "javax.", "com.fasterxml", "org.glassfish", "ai.timefold", "Caused by", ".java:",
            "Grizzly", "grizzly", "Jersey", "jersey");

    /** The first of {@link #LEAKS} in {@code text}, or null. */
    public static String leak(String text) {
        for (String word : LEAKS) {
            if (text.contains(word)) {
                return word;
            }
        }
        return null;
    }
}
