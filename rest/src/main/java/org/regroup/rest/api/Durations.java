package org.regroup.rest.api;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.regroup.rest.errors.ApiException;

/** Durations the way people write them: {@code 30s}, {@code 2m}, {@code 1m30s}, {@code 500ms}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {
    }

    /**
     * The duration, or null when the text is not one — or is one too long to count (a thousand years and more:
     * "99999999999999999999h" is no time limit anyone means, and must not end as a NumberFormatException).
     */
    public static Duration parseOrNull(String value) {
        String text = value.trim().toLowerCase(java.util.Locale.ROOT);
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        try {
            while (m.find() && m.start() == at) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                });
                at = m.end();
            }
        } catch (NumberFormatException | ArithmeticException tooLong) {
            return null;
        }
        return at == text.length() && !total.isZero() && total.compareTo(LONGEST) <= 0 ? total : null;
    }

    /** Longer than any time limit or retention anyone means. */
    private static final Duration LONGEST = Duration.ofDays(365L * 1000);

    /** A request's time limit: the default when absent; a 400 when unreadable or above the maximum. */
    static Duration parse(String value, Duration byDefault, Duration max) {
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        Duration d = parseOrNull(value);
        if (d == null) {
            throw ApiException.badRequest("timeLimit '" + value + "' is not a duration like 30s, 2m or 1m30s (or is "
                    + "far too long)");
        }
        if (d.compareTo(max) > 0) {
            throw ApiException.badRequest("timeLimit " + value + " is above this server's maximum of "
                    + max.toSeconds() + "s");
        }
        return d;
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        return ms < 10_000 ? String.format("%.1fs", ms / 1000.0) : String.format("%ds", Math.round(ms / 1000.0));
    }
}
