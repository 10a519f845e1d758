package org.regroup.domain.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalTimeSerializer;

/** The one JSON configuration of the formats, and a write that never leaves a half-written file. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // A misspelt field is an error, not a silently ignored setting.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // An absent true/false field means false.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // No silent guessing: 20.7 is not a capacity, "20" is not a number, 1 is not true.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build()
            // Times are written as people read them: "09:00", not "09:00:00".
            .registerModule(new SimpleModule().addSerializer(LocalTime.class,
                    new LocalTimeSerializer(DateTimeFormatter.ofPattern("HH:mm"))))
            // Dates and times are read only as they are written: ISO 8601 strings, in the years Limits allows.
            .registerModule(StrictTimes.module());

    private Json() {
    }

    /**
     * As {@link #mapper()}, for what people send (day problems, request bodies): a list with a hole in it
     * ({@code "features": [null]}) is an error at its index, not a null for the code to trip on later.
     */
    private static final ObjectMapper INPUT = strictLists(MAPPER.copy());

    private static ObjectMapper strictLists(ObjectMapper mapper) {
        for (Class<?> collection : List.of(List.class, Set.class, Collection.class)) {
            mapper.configOverride(collection).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
        return mapper;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The mapper for input: {@link #mapper()} that refuses null entries in lists. */
    public static ObjectMapper input() {
        return INPUT;
    }

    /**
     * Writes {@code value} as JSON to a temporary file beside {@code target}, forces it to disk, then moves it into
     * place: readers see the old file or the whole new one, never a part.
     */
    public static void writeAtomically(Path target, Object value) throws IOException {
        writeAtomically(target, out -> MAPPER.writeValue(out, value));
    }

    /** Writes what {@code content} writes, as above (a report, a CSV): readers see the old file or the whole new one. */
    public static void writeAtomically(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            readableLikeAnyOtherFile(tmp);
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** What goes into a file written atomically. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Temporary files are created owner-only; the finished file should have the usual rw-r--r--. */
    private static void readableLikeAnyOtherFile(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows and friends: the default permissions are fine.
        }
    }
}
