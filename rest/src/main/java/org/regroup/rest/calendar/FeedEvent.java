package org.regroup.rest.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One block of a person's published day, as a feed's VEVENT.
 *
 * @param key         what tells two events of the same block apart (a second group an adult supervises); null for
 *                    the first
 * @param version     the published version it comes from (its SEQUENCE: a newer version of the day updates it)
 * @param publishedAt when that version was last published (DTSTAMP and LAST-MODIFIED)
 * @param location    the space's name (null: none)
 */
record FeedEvent(LocalDate day, String blockId, String key, LocalTime start, LocalTime end, int version,
        Instant publishedAt, String summary, String location, String description) {
}
