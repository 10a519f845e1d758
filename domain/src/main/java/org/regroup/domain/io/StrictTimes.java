package org.regroup.domain.io;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Dates and times read exactly as the formats write them ({@link Limits}): a JSON string in ISO 8601, nothing else.
 * Jackson's own readers also take numbers (seconds since 1970), arrays ({@code [2026, 11, 23]}), a date-time where a
 * date is meant, and any year; a mistyped field must be an error, not a different day.
 */
final class StrictTimes {

    private StrictTimes() {
    }

    /** Registered after Jackson's JavaTimeModule: a later module's readers take precedence. */
    static SimpleModule module() {
        return new SimpleModule("regroup-strict-times")
                .addDeserializer(LocalDate.class, new Strict<>(LocalDate.class, Limits::date))
                .addDeserializer(OffsetDateTime.class, new Strict<>(OffsetDateTime.class, Limits::dateTime))
                .addDeserializer(LocalTime.class, new Strict<>(LocalTime.class, Limits::time));
    }

    private static final class Strict<T> extends StdScalarDeserializer<T> {

        private final Class<T> type;
        private final Function<String, T> parse;

        Strict(Class<T> type, Function<String, T> parse) {
            super(type);
            this.type = type;
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(type, p);
            }
            String text = p.getText();
            T value = parse.apply(text);
            if (value == null) {
                return (T) ctxt.handleWeirdStringValue(type, text, "not in the format or range this field takes");
            }
            return value;
        }
    }
}
