package org.regroup.domain.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

import org.regroup.domain.InputError;

/**
 * The bounds every input is held to, in one place (docs/format.md, "Limits"), so that no value reaches the school
 * store, a solver or a URL it cannot be kept in:
 * <ul>
 * <li>the longest text the store keeps in each of its columns ({@code db/migration/V1__school_store.sql}): a longer
 * value is an input error naming its JSON path, found before anything is stored, never a store failure;</li>
 * <li>the dates anyone plans a school day for, written exactly as ISO 8601 has them ({@code 2026-11-23},
 * {@code 2026-11-23T10:15:00Z}): not a number, not a date with a time, not the year 10000.</li>
 * </ul>
 */
public final class Limits {

    /** A school's id ({@code school.id VARCHAR(64)}); also the pattern an id in a URL must match. */
    public static final int SCHOOL_ID = 64;
    /** {@code school.name VARCHAR(200)}. */
    public static final int SCHOOL_NAME = 200;
    /** A student's id ({@code mastery.student_id}, {@code evidence.student_id}: {@code VARCHAR(64)}). */
    public static final int STUDENT_ID = 64;
    /** A skill's id ({@code mastery.skill_id}, {@code evidence.skill_id}: {@code VARCHAR(128)}). */
    public static final int SKILL_ID = 128;
    /** An evidence result's event id ({@code evidence.event_id VARCHAR(128)}). */
    public static final int EVENT_ID = 128;
    /** What produced an evidence result ({@code evidence.source VARCHAR(128)}). */
    public static final int EVIDENCE_SOURCE = 128;

    /** The first and the last day a date may name (a day problem's date, a school day, when evidence was observed). */
    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2999, 12, 31);

    /** How a date is written, for messages. */
    public static final String DATE = "a date like \"2026-11-23\" (years " + FIRST_DAY.getYear() + " to "
            + LAST_DAY.getYear() + ")";
    /** How a date and time is written, for messages. */
    public static final String DATE_TIME = "a date and time with its offset like \"2026-11-23T10:15:00Z\" (years "
            + FIRST_DAY.getYear() + " to " + LAST_DAY.getYear() + ")";
    /** How a time of day is written, for messages. */
    public static final String TIME = "a time like \"09:00\"";

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    private Limits() {
    }

    /** Adds an error at {@code path} when {@code value} is longer than {@code max} characters. */
    public static void text(List<InputError> errors, String path, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new InputError(path, "is " + value.length() + " characters long; at most " + max
                    + " are kept"));
        }
    }

    /** The date {@code text} writes ({@code 2026-11-23}, within the years above); null when it is not one. */
    public static LocalDate date(String text) {
        if (text == null || !ISO_DATE.matcher(text).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            return inRange(date) ? date : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The instant {@code text} writes ({@code 2026-11-23T10:15:00Z}, an offset required); null when it is not one. */
    public static OffsetDateTime dateTime(String text) {
        if (text == null || !ISO_DATE_TIME.matcher(text).matches()) {
            return null;
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return inRange(at.toLocalDate()) ? at : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The time of day {@code text} writes ({@code 09:00}, {@code 09:00:30}); null when it is not one. */
    public static LocalTime time(String text) {
        if (text == null || !ISO_TIME.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalTime.parse(text, DateTimeFormatter.ISO_LOCAL_TIME);
        } catch (DateTimeException e) {
            return null;
        }
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
    }
}
