package org.regroup.domain.io;

import org.regroup.domain.InvalidInputException;
import org.regroup.domain.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.regroup.domain.DayProblem;

/**
 * Reads a day problem and checks it. Every failure is an {@link InvalidInputException} naming the source and the
 * JSON path at fault; nothing here ever surfaces a parser stack trace to a user.
 */
public final class DayProblemReader {

    /** Jackson names the rejected text in its message as {@code String value ("twenty")}. */
    private static final Pattern REJECTED_VALUE = Pattern.compile("String value \\(\"([^\"]*)\"\\)");

    private DayProblemReader() {
    }

    /** Reads and validates; throws {@link InvalidInputException} with every problem found. */
    public static DayProblem read(Path file) {
        return validated(readOnly(file), file.toString());
    }

    /** Reads the file into records without checking what it says (see {@link #parseOnly}). */
    public static DayProblem readOnly(Path file) {
        return parseOnly(bytes(file), file.toString());
    }

    /** A file's bytes; a missing or unreadable file is an input error naming it (for every format Regroup reads). */
    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), List.of(new InputError("$", "file not found")));
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), List.of(new InputError("$", "cannot read file: "
                    + e.getMessage())));
        }
    }

    /** Parses and validates JSON text from any source (a request body, a test). */
    public static DayProblem parse(byte[] json, String source) {
        return validated(parseOnly(json, source), source);
    }

    /**
     * Reads the JSON into records without checking what it says: only unreadable JSON (syntax, types, unknown
     * fields) fails here. A server answers these 400 and {@link #validated} failures 422.
     */
    public static DayProblem parseOnly(byte[] json, String source) {
        DayProblem problem;
        try {
            problem = Json.input().readValue(json, DayProblem.class);
        } catch (IOException e) {
            throw new InvalidInputException(source, List.of(describe(e)));
        }
        if (problem == null) {
            throw new InvalidInputException(source, List.of(new InputError("$", "empty document")));
        }
        return problem;
    }

    /** The problem itself when {@link DayProblemValidator} finds nothing wrong; every error otherwise. */
    public static DayProblem validated(DayProblem problem, String source) {
        List<InputError> errors = DayProblemValidator.validate(problem);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(source, errors);
        }
        return problem;
    }

    /** Turns a Jackson failure into a path and a sentence. */
    public static InputError describe(IOException e) {
        // Jackson wraps a syntax error met inside an object in a mapping error: report the syntax error itself.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException nested) {
                return describe(nested);
            }
        }
        if (e instanceof JsonParseException parse) {
            JsonLocation at = parse.getLocation();
            return new InputError("$", "malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
                    + ": " + plain(parse.getOriginalMessage()));
        }
        if (e instanceof InvalidNullException hole) {
            return new InputError(path(hole), "null is not an entry; leave it out of the list");
        }
        if (e instanceof ValueInstantiationException instantiation) {
            // Jackson's message names the Java class and the exception its constructor threw: say where, not that.
            return new InputError(path(instantiation), "cannot read this value");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new InputError(path(unknown), "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (e instanceof InvalidFormatException format) {
            return new InputError(path(format), "cannot read " + quote(format.getValue()) + " as "
                    + simpleType(format.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String expected = mismatch.getTargetType() == null ? "a different value" : simpleType(mismatch.getTargetType());
            Matcher value = REJECTED_VALUE.matcher(String.valueOf(mismatch.getOriginalMessage()));
            return new InputError(path(mismatch), value.find()
                    ? "cannot read '" + shortened(value.group(1)) + "' as " + expected
                    : "expected " + expected + " here");
        }
        if (e instanceof JsonMappingException mapping) {
            return new InputError(path(mapping), plain(firstLine(mapping.getOriginalMessage())));
        }
        if (e instanceof JsonProcessingException processing) {
            return new InputError("$", plain(firstLine(processing.getOriginalMessage())));
        }
        return new InputError("$", plain("cannot read: " + e.getMessage()));
    }

    /** A Java class or exception name, in a message meant for whoever wrote the file or sent the request. */
    private static final Pattern JAVA = Pattern.compile("\\b(java|javax|jakarta|com|org|ai)\\.[A-Za-z0-9_$.]+|"
            + "[A-Za-z0-9_$]*(Exception|Error)\\b|\\$[A-Za-z]");

    /** Where Jackson's limits name their setting in code: "(1000, from `StreamReadConstraints.getMax…()`)". */
    private static final Pattern SETTING = Pattern.compile(", from `[^`]*`");

    /** The sentence without a Java class or exception name in it; "cannot read this value" when it is nothing else. */
    static String plain(String message) {
        if (message == null) {
            return null;
        }
        String text = SETTING.matcher(message).replaceAll("");
        return JAVA.matcher(text).find() ? "cannot read this value" : text;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                String name = ref.getFieldName();
                path.append(name.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + name : "[\"" + name + "\"]");
            }
        }
        return path.toString();
    }

    private static String quote(Object value) {
        return value instanceof String text ? "'" + shortened(text) + "'" : shortened(String.valueOf(value));
    }

    /** A value quoted back in a message: its start, when it is long (a message is read, a megabyte is not). */
    private static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 60) + "… (" + text.length() + " characters)";
    }

    private static String simpleType(Class<?> type) {
        if (type.isEnum()) {
            StringBuilder names = new StringBuilder("one of");
            for (Object constant : type.getEnumConstants()) {
                try {
                    var json = type.getField(((Enum<?>) constant).name())
                            .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                    names.append(" '").append(json == null ? constant : json.value()).append('\'');
                } catch (NoSuchFieldException ignored) {
                    names.append(' ').append(constant);
                }
            }
            return names.toString();
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.LocalTime.class) {
            return Limits.TIME;
        }
        if (type == java.time.LocalDate.class) {
            return Limits.DATE;
        }
        if (type == java.time.OffsetDateTime.class) {
            return Limits.DATE_TIME;
        }
        return "an object";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
