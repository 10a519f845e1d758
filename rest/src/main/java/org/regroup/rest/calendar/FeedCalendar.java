package org.regroup.rest.calendar;

import java.util.ArrayList;
import java.util.List;

import org.regroup.rest.roster.Ics;
import org.regroup.rest.roster.RosterCalendarWriter;
import org.regroup.store.CalendarFeeds;

/**
 * A feed's iCalendar: one VEVENT per block of the person's published days, each with a UID that lasts across
 * versions ({@code school/date/kind-person/block@regroup}), so that a calendar polling the feed updates an event
 * when a new version is published (SEQUENCE the version, DTSTAMP and LAST-MODIFIED when it was published) and drops
 * the ones the new version no longer has. Written with the roster's {@link Ics}: the same escaping and folding.
 */
final class FeedCalendar {

    static final String PRODID = "-//Regroup//Regroup calendar feeds//EN";
    /** How often a calendar should poll, as the feed asks (Google and Outlook take their own time all the same). */
    static final String REFRESH = "PT1H";

    private FeedCalendar() {
    }

    static String render(CalendarFeeds.Feed feed, String calendarName, List<FeedEvent> events) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:" + PRODID);
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:PUBLISH");
        lines.add("X-WR-CALNAME:" + Ics.text(calendarName));
        lines.add("REFRESH-INTERVAL;VALUE=DURATION:" + REFRESH);
        lines.add("X-PUBLISHED-TTL:" + REFRESH);
        for (FeedEvent e : events) {
            lines.add("BEGIN:VEVENT");
            lines.add("UID:" + uid(feed, e));
            lines.add("SEQUENCE:" + e.version());
            lines.add("DTSTAMP:" + Ics.utc(e.publishedAt()));
            lines.add("LAST-MODIFIED:" + Ics.utc(e.publishedAt()));
            lines.add("DTSTART:" + Ics.local(e.day().atTime(e.start())));
            lines.add("DTEND:" + Ics.local(e.day().atTime(RosterCalendarWriter.end(e.start(), e.end()))));
            lines.add("SUMMARY:" + Ics.text(e.summary()));
            if (e.location() != null && !e.location().isBlank()) {
                lines.add("LOCATION:" + Ics.text(e.location()));
            }
            if (e.description() != null && !e.description().isBlank()) {
                lines.add("DESCRIPTION:" + Ics.text(e.description()));
            }
            lines.add("END:VEVENT");
        }
        lines.add("END:VCALENDAR");
        return Ics.join(lines);
    }

    /**
     * {@code school/date/kind-person/block@regroup}, each part percent-encoded: the same for every version of the
     * day, another for every person and block (and for a second group in the same block).
     */
    static String uid(CalendarFeeds.Feed feed, FeedEvent e) {
        String uid = enc(feed.schoolId()) + "/" + e.day() + "/" + enc(feed.personKind().wire() + "-" + feed.personId())
                + "/" + enc(e.blockId());
        if (e.key() != null) {
            uid += "/" + enc(e.key());
        }
        return uid + "@regroup";
    }

    private static String enc(String s) {
        return RosterCalendarWriter.enc(s);
    }
}
