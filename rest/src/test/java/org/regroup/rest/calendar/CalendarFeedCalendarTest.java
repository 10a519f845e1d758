package org.regroup.rest.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.regroup.store.CalendarFeeds;

/** A feed's iCalendar: lasting UIDs, the version as SEQUENCE, refresh hints, the roster's escaping and folding. */
class CalendarFeedCalendarTest {

    private static final CalendarFeeds.Feed FEED = new CalendarFeeds.Feed("cal_1", "north school", "S/01",
            CalendarFeeds.Kind.STUDENT, Instant.parse("2026-11-20T08:00:00Z"), "acc", null, null);

    private static FeedEvent event(int version, String key) {
        return new FeedEvent(LocalDate.of(2026, 11, 23), "B1", key, LocalTime.of(9, 0), LocalTime.of(9, 45), version,
                Instant.parse("2026-11-22T06:00:00Z"), "Small group: Unit fractions, a/b; parts",
                "Room 1, east", "With " + "Zoë Ñandú ".repeat(10));
    }

    @Test
    void eventsKeepTheirUidAcrossVersionsAndCarryTheVersionAsSequence() {
        String v1 = FeedCalendar.render(FEED, "Regroup North", List.of(event(1, null)));
        String v2 = FeedCalendar.render(FEED, "Regroup North", List.of(event(2, null), event(2, "G2")));

        String uid = "UID:north+school/2026-11-23/student-S%2F01/B1@regroup\r\n";
        assertThat(v1).contains(uid).contains("SEQUENCE:1\r\n").contains("DTSTAMP:20261122T060000Z\r\n")
                .contains("LAST-MODIFIED:20261122T060000Z\r\n").contains("DTSTART:20261123T090000\r\n")
                .contains("DTEND:20261123T094500\r\n").contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n")
                .contains("X-PUBLISHED-TTL:PT1H\r\n").contains("METHOD:PUBLISH\r\n");
        assertThat(v2).contains(uid).contains("SEQUENCE:2\r\n")
                .contains("UID:north+school/2026-11-23/student-S%2F01/B1/G2@regroup\r\n");
        String unfolded = v1.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:Small group: Unit fractions\\, a/b\\; parts\r\n")
                .contains("LOCATION:Room 1\\, east\r\n").contains("Zoë Ñandú Zoë");
        for (String line : v1.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void aFeedWithNoPublishedDayIsAnEmptyCalendar() {
        String ics = FeedCalendar.render(FEED, "Regroup North", List.of());

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n").doesNotContain("VEVENT");
    }
}
