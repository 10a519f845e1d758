package org.regroup.rest.roster;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.regroup.rest.roster.Roster.BlockRoster;
import org.regroup.rest.roster.Roster.Member;

/**
 * A roster as an RFC 5545 iCalendar: one VEVENT per block the adult leads or supervises a group, from the plan's
 * date and the block's times (floating local time: the plan names no time zone), SUMMARY the modality and focus,
 * LOCATION the space, DESCRIPTION the students, written with {@link Ics} (escaped, folded at 75 octets). The UID is
 * stable for a plan, adult and block, so importing the roster again after an override updates the events instead of
 * doubling them. The subscription feeds (rest.calendar) write the same events.
 */
public final class RosterCalendarWriter {

    static final String PRODID = "-//Regroup//Regroup rosters//EN";

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
        lines.add("X-WR-CALNAME:" + Ics.text("Roster " + roster.staff().displayName() + " " + date));
        Map<String, Integer> seen = new HashMap<>();
        for (BlockRoster b : roster.blocks()) {
            if (!isEvent(b)) {
                continue;
            }
            int n = seen.merge(b.blockId(), 1, Integer::sum);
            lines.add("BEGIN:VEVENT");
            lines.add("UID:" + uid(roster, b, n));
            lines.add("DTSTAMP:" + Ics.utc(now));
            lines.add("DTSTART:" + Ics.local(date.atTime(b.start())));
            lines.add("DTEND:" + Ics.local(date.atTime(end(b.start(), b.end()))));
            lines.add("SUMMARY:" + Ics.text(summary(b)));
            if (b.space() != null) {
                lines.add("LOCATION:" + Ics.text(b.space().name()));
            }
            lines.add("DESCRIPTION:" + Ics.text(description(b)));
            lines.add("END:VEVENT");
        }
        lines.add("END:VCALENDAR");
        return Ics.join(lines);
    }

    /** {@code planId/staffId/blockId@regroup}, each part percent-encoded so no two blocks can share one. */
    static String uid(Roster roster, BlockRoster b, int nth) {
        String uid = enc(roster.planId()) + "/" + enc(roster.staff().id()) + "/" + enc(b.blockId());
        if (nth > 1) {
            uid += "/" + enc(b.session().id()); // a second group in the same block (two catch-alls)
        }
        return uid + "@regroup";
    }

    /** A part of a UID, percent-encoded. */
    public static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /** Whether a block of the roster is an event: a group with its session and times. */
    public static boolean isEvent(BlockRoster b) {
        return b.status() == Roster.Status.GROUP && b.session() != null && b.start() != null && b.end() != null;
    }

    /** The end of an event: never before its start (validated days always end after they start). */
    public static LocalTime end(LocalTime start, LocalTime end) {
        return end.isAfter(start) ? end : start;
    }

    /** An event's SUMMARY: the modality and what the group works on. */
    public static String summary(BlockRoster b) {
        return b.session().modalityName() + ": " + RosterMedia.groupFocus(b.session());
    }

    /** An event's DESCRIPTION: the session, how many students, and each with their focus and accommodations. */
    public static String description(BlockRoster b) {
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
}
