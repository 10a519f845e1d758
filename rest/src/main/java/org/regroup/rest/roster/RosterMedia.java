package org.regroup.rest.roster;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.ws.rs.core.MediaType;
import org.regroup.domain.plan.Focus;

/** The media types a roster is written in besides JSON, and the wording the writers share. */
public final class RosterMedia {

    /** RFC 4180 CSV, one row per student-block, with a header row. */
    public static final String TEXT_CSV = "text/csv";
    /** RFC 5545 iCalendar, one event per block the adult leads a group. */
    public static final String TEXT_CALENDAR = "text/calendar";

    public static final MediaType TEXT_CSV_TYPE = MediaType.valueOf(TEXT_CSV);
    public static final MediaType TEXT_CALENDAR_TYPE = MediaType.valueOf(TEXT_CALENDAR);

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private RosterMedia() {
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
