package org.regroup.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/** Reads durations the way people write them: {@code 30s}, {@code 2m}, {@code 1m30s}, {@code 500ms}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase();
        if (text.isEmpty()) {
            throw new CommandLine.TypeConversionException("empty duration");
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        while (m.find()) {
            if (m.start() != at) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            at = m.end();
        }
        if (at != text.length() || total.isZero()) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a duration like 30s, 2m, 1m30s or 500ms");
        }
        return total;
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        return ms < 10_000 ? String.format("%.1fs", ms / 1000.0) : String.format("%ds", Math.round(ms / 1000.0));
    }
}
