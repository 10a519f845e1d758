package org.regroup.rest.roster;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.regroup.rest.roster.Roster.BlockRoster;
import org.regroup.rest.roster.Roster.Member;

/**
 * A roster as an RFC 5545 iCalendar: one VEVENT per block the adult leads or supervises a group, from the plan's
 * date and the block's times (floating local time: the plan names no time zone), SUMMARY the modality and focus,
 * LOCATION the space, DESCRIPTION the students. CRLF line ends, lines folded at 75 octets (never inside a UTF-8
 * character), TEXT values escaped. The UID is stable for a plan, adult and block, so importing the roster again after
 * an override updates the events instead of doubling them.
 */
public final class RosterCalendarWriter {

    static final String PRODID = "-//Regroup//Regroup rosters//EN";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private RosterCalendarWriter() {
    }

    /**
     * The calendar, stamped {@code now} (DTSTAMP).
     *
     * @throws IllegalArgumentException when the roster has no date (the day problem gave none)
     */
    public static String render(Roster roster, Instant now) {
        LocalDate date = roster.date();
        if (date == null) {
            throw new IllegalArgumentException("a calendar needs the plan's date; the day problem gives none");
        }
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:" + PRODID);
        lines.add("CALSCALE:GREGORIAN");
        lines.add("X-WR-CALNAME:" + text("Roster " + roster.staff().displayName() + " " + date));
        Map<String, Integer> seen = new HashMap<>();
        for (BlockRoster b : roster.blocks()) {
            if (b.status() != Roster.Status.GROUP || b.session() == null || b.start() == null || b.end() == null) {
                continue;
            }
            int n = seen.merge(b.blockId(), 1, Integer::sum);
            lines.add("BEGIN:VEVENT");
            lines.add("UID:" + uid(roster, b, n));
            lines.add("DTSTAMP:" + UTC.format(now));
            lines.add("DTSTART:" + LOCAL.format(date.atTime(b.start())));
            lines.add("DTEND:" + LOCAL.format(date.atTime(end(b.start(), b.end()))));
            lines.add("SUMMARY:" + text(b.session().modalityName() + ": " + RosterMedia.groupFocus(b.session())));
            if (b.space() != null) {
                lines.add("LOCATION:" + text(b.space().name()));
            }
            lines.add("DESCRIPTION:" + text(description(b)));
            lines.add("END:VEVENT");
        }
        lines.add("END:VCALENDAR");
        StringBuilder ics = new StringBuilder();
        for (String line : lines) {
            ics.append(fold(line));
        }
        return ics.toString();
    }

    /** {@code planId/staffId/blockId@regroup}, each part percent-encoded so no two blocks can share one. */
    static String uid(Roster roster, BlockRoster b, int nth) {
        String uid = enc(roster.planId()) + "/" + enc(roster.staff().id()) + "/" + enc(b.blockId());
        if (nth > 1) {
            uid += "/" + enc(b.session().id()); // a second group in the same block (two catch-alls)
        }
        return uid + "@regroup";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    private static LocalTime end(LocalTime start, LocalTime end) {
        return end.isAfter(start) ? end : start; // validated days always end after they start
    }

    private static String description(BlockRoster b) {
        StringBuilder d = new StringBuilder();
        d.append(b.session().id()).append(" · ").append(b.students().size())
                .append(b.students().size() == 1 ? " student" : " students");
        for (Member m : b.students()) {
            d.append('\n').append(m.displayName());
            if (m.name() != null && !m.name().isBlank()) {
                d.append(" (").append(m.id()).append(')');
            }
            if (m.focus() != null && b.session().focus() == null) {
                d.append(" – ").append(RosterMedia.focus(m.focus()));
            }
            if (!m.accommodations().isEmpty()) {
                d.append(" – ").append(String.join(", ", m.accommodations()));
            }
        }
        return d.toString();
    }

    /** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma escaped, line breaks as \n, controls dropped. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\r' -> {
                    out.append("\\n");
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> out.append("\\n");
                default -> {
                    if (c == '\t' || (c >= 0x20 && c != 0x7f)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * A content line folded as RFC 5545 §3.1 asks: no line longer than 75 octets (UTF-8) before its CRLF, each
     * continuation starting with one space; a character is never split.
     */
    static String fold(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        int octets = 0;
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            int size = utf8Length(cp);
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        return out.append("\r\n").toString();
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
