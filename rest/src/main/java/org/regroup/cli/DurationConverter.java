package org.regroup.cli;

import java.time.Duration;

import org.regroup.rest.api.Durations;
import picocli.CommandLine;

/** Picocli's reading of durations ({@link Durations}). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration d = Durations.parseOrNull(value);
        if (d == null) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a duration like 30s, 2m, 1m30s or 500ms (or is far too long)");
        }
        return d;
    }

    static String format(Duration d) {
        return Durations.format(d);
    }
}
