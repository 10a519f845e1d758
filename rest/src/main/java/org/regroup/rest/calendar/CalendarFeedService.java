package org.regroup.rest.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.regroup.rest.auth.Secrets;
import org.regroup.rest.days.StoredVersions;
import org.regroup.store.CalendarFeeds;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calendar subscription feeds: an adult's or a student's published days as an iCalendar URL that Google or Outlook
 * polls. The URL's token is its only credential: 256 random bits (URL-safe), shown once when the feed is made and
 * kept only as its SHA-256 hash; a revoked or unknown token serves nothing. Logs name feeds by id, never by token.
 */
public final class CalendarFeedService {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarFeedService.class);

    /** The feed serves the published days from this many days before today… */
    public static final int DAYS_BEFORE = 7;
    /** …to this many days after. */
    public static final int DAYS_AFTER = 14;
    /** What a feed's token starts with (so one found in a paste is recognized and can be revoked). */
    public static final String TOKEN_PREFIX = "rgc_";
    /** A feed's last use is written at most this often (calendars poll every few minutes to hours). */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /** A new feed and its token, shown this once. */
    public record Issued(CalendarFeeds.Feed feed, String token) {
    }

    /**
     * A feed's calendar: the bytes, an entity tag over them, the feed, and the students its events name (for the
     * audit log).
     */
    public record Served(byte[] body, String etag, CalendarFeeds.Feed feed, Set<String> students) {
    }

    private final SchoolStore store;
    private final FeedDays days;
    private final Clock clock;

    public CalendarFeedService(SchoolStore store, StoredVersions stored, Clock clock) {
        this.store = store;
        this.days = new FeedDays(store, stored);
        this.clock = clock;
    }

    /** Makes a feed of {@code personId} ({@code kind}) in the school, by {@code accountId} (null without sign-in). */
    public Issued create(String schoolId, CalendarFeeds.Kind kind, String personId, String accountId) {
        String token = TOKEN_PREFIX + Secrets.secret();
        CalendarFeeds.Feed feed = new CalendarFeeds.Feed(Secrets.id("cal_"), schoolId, personId, kind,
                clock.instant(), accountId, null, null);
        store.calendarFeeds().add(feed, Secrets.sha256(token));
        LOG.info("school {}: calendar feed {} made ({})", schoolId, feed.id(), kind);
        return new Issued(feed, token);
    }

    public List<CalendarFeeds.Feed> list(String schoolId) {
        return store.calendarFeeds().list(schoolId);
    }

    public Optional<CalendarFeeds.Feed> find(String schoolId, String feedId) {
        return store.calendarFeeds().byId(schoolId, feedId);
    }

    /** Revokes a live feed; false when the school has none by that id (or it was revoked already). */
    public boolean revoke(String schoolId, String feedId) {
        boolean revoked = store.calendarFeeds().revoke(schoolId, feedId, clock.instant());
        if (revoked) {
            LOG.info("school {}: calendar feed {} revoked", schoolId, feedId);
        }
        return revoked;
    }

    /** The live feed whose token this is; empty for an unknown, malformed or revoked one. */
    public Optional<CalendarFeeds.Feed> byToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return store.calendarFeeds().liveByHash(Secrets.sha256(token));
    }

    /** The feed's calendar now (today from {@link #DAYS_BEFORE} to {@link #DAYS_AFTER}); empty when its school is gone. */
    public Optional<Served> serve(CalendarFeeds.Feed feed) {
        Optional<Schools.SchoolRecord> school = store.schools().school(feed.schoolId());
        if (school.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (feed.lastUsedAt() == null || feed.lastUsedAt().plus(USE_RECORDED_EVERY).isBefore(now)) {
            store.calendarFeeds().used(feed.id(), now);
        }
        LocalDate today = LocalDate.now(clock);
        FeedDays.Events events = days.of(school.get(), feed, today.minusDays(DAYS_BEFORE),
                today.plusDays(DAYS_AFTER));
        String name = school.get().name() == null || school.get().name().isBlank() ? school.get().id()
                : school.get().name();
        byte[] body = FeedCalendar.render(feed, name, events.events()).getBytes(StandardCharsets.UTF_8);
        String etag = Secrets.sha256(new String(body, StandardCharsets.UTF_8)).substring(0, 32);
        return Optional.of(new Served(body, etag, feed, events.students()));
    }
}
