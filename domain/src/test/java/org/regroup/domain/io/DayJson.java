package org.regroup.domain.io;

import org.regroup.domain.InvalidInputException;
import org.regroup.domain.InputError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test inputs as JSON trees: the hand-written valid day ({@code io/valid-day.json}) to mutate one thing at a time,
 * and the errors {@link DayProblemReader} reports for a tree or a text.
 */
final class DayJson {

    /** A plain mapper for building trees: no part of the format's configuration leaks into the inputs. */
    static final ObjectMapper TREES = new ObjectMapper();

    private DayJson() {
    }

    /** A fresh, mutable copy of the valid day. */
    static ObjectNode valid() {
        return (ObjectNode) resource("/io/valid-day.json");
    }

    static JsonNode resource(String name) {
        try (InputStream in = DayJson.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return TREES.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(JsonNode tree) {
        try {
            return TREES.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors the reader reports for the tree; empty when it reads. */
    static List<InputError> errorsOf(JsonNode tree) {
        return errorsOf(text(tree));
    }

    /** The errors the reader reports for the text; empty when it reads. */
    static List<InputError> errorsOf(String json) {
        try {
            DayProblemReader.parse(json.getBytes(StandardCharsets.UTF_8), "test");
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors();
        }
    }

    /** The object at a JSON pointer such as {@code /students/0}. */
    static ObjectNode obj(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        if (!node.isObject()) {
            throw new IllegalArgumentException("no object at " + pointer);
        }
        return (ObjectNode) node;
    }

    /** The array at a JSON pointer such as {@code /students}. */
    static ArrayNode arr(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        if (!node.isArray()) {
            throw new IllegalArgumentException("no array at " + pointer);
        }
        return (ArrayNode) node;
    }

    /** Parses a JSON object literal written with single quotes, for short inline additions. */
    static ObjectNode json(String singleQuoted) {
        try {
            return (ObjectNode) TREES.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
