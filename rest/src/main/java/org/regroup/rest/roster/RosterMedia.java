package org.regroup.rest.roster;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Variant;
import org.regroup.domain.plan.Focus;

/**
 * The media types a roster is written in, and the wording the writers share. A roster is rendered to bytes once per
 * plan snapshot, adult and media type, then served as is: mornings bring every teacher at once.
 */
public final class RosterMedia {

    /** A roster written out: the bytes to send, their Content-Type, and a file name for Content-Disposition. */
    public record Rendered(byte[] body, String contentType, String fileName) {
    }

    /** RFC 4180 CSV, one row per student-block, with a header row. */
    public static final String TEXT_CSV = "text/csv";
    /** RFC 5545 iCalendar, one event per block the adult leads a group. */
    public static final String TEXT_CALENDAR = "text/calendar";

    public static final MediaType TEXT_CSV_TYPE = MediaType.valueOf(TEXT_CSV);
    public static final MediaType TEXT_CALENDAR_TYPE = MediaType.valueOf(TEXT_CALENDAR);

    /** What a roster can be, in the server's order of preference when the client accepts several. */
    public static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, TEXT_CSV_TYPE,
            MediaType.TEXT_HTML_TYPE, TEXT_CALENDAR_TYPE).build();

    /** The printable page may load or run nothing but its own styles. */
    public static final String HTML_SECURITY_POLICY = RosterHtmlWriter.CSP;

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private RosterMedia() {
    }

    /**
     * The roster in {@code type} (one of {@link #VARIANTS}); a calendar is stamped {@code stamp}.
     *
     * @throws IllegalArgumentException for a calendar of a roster without a date
     */
    public static Rendered render(Roster roster, MediaType type, ObjectMapper json, Instant stamp) {
        if (TEXT_CSV_TYPE.isCompatible(type)) {
            return rendered(RosterCsvWriter.render(roster), "text/csv; charset=utf-8; header=present",
                    fileName(roster, "csv"));
        }
        if (MediaType.TEXT_HTML_TYPE.isCompatible(type)) {
            return rendered(RosterHtmlWriter.render(List.of(roster)), "text/html; charset=utf-8", null);
        }
        if (TEXT_CALENDAR_TYPE.isCompatible(type)) {
            return rendered(RosterCalendarWriter.render(roster, stamp), "text/calendar; charset=utf-8",
                    fileName(roster, "ics"));
        }
        try {
            return new Rendered(json.writeValueAsBytes(roster), MediaType.APPLICATION_JSON, null);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Rendered rendered(String text, String contentType, String fileName) {
        return new Rendered(text.getBytes(StandardCharsets.UTF_8), contentType, fileName);
    }

    static String time(LocalTime t) {
        return t == null ? "" : HH_MM.format(t);
    }

    /** "Unit fractions (3.NF.1)"; the name alone when it is the id; empty when there is no focus. */
    static String focus(Focus f) {
        if (f == null) {
            return "";
        }
        if (f.name() == null || f.name().isBlank() || f.name().equals(f.id())) {
            return f.id() == null ? "" : f.id();
        }
        return f.id() == null ? f.name() : f.name() + " (" + f.id() + ")";
    }

    /** What a group works on, in words: its focus, or "own skills" where each student works on their own. */
    static String groupFocus(Roster.Group g) {
        return g.focus() != null ? focus(g.focus()) : "own skills";
    }

    /** A file name for Content-Disposition: only letters, digits, dot, dash and underscore survive. */
    static String fileName(Roster roster, String extension) {
        String name = "roster-" + roster.staff().id() + (roster.date() == null ? "" : "-" + roster.date());
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
    }
}
