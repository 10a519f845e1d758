package org.regroup.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Calendar subscription feeds: whose published days a secret URL serves. The URL's token is never stored, only the
 * SHA-256 hash the caller makes of it (as for API tokens).
 */
public final class CalendarFeeds {

    /** Whose days a feed serves: an adult (a staff id) or a student (a student id) of the school. */
    public enum Kind {
        ADULT("adult"),
        STUDENT("student");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Optional<Kind> of(String wire) {
            for (Kind k : values()) {
                if (k.wire.equals(wire)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return wire;
        }
    }

    /** A feed as listed (never its token). {@code createdBy}: the account that made it (null without sign-in). */
    public record Feed(String id, String schoolId, String personId, Kind personKind, Instant createdAt,
            String createdBy, Instant lastUsedAt, Instant revokedAt) {

        public boolean live() {
            return revokedAt == null;
        }
    }

    private static final String SELECT = "SELECT id, school_id, person_id, person_kind, created_at, created_by, "
            + "last_used_at, revoked_at FROM calendar_feed";

    private final Jdbc jdbc;

    CalendarFeeds(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Feed feed, String tokenHash) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO calendar_feed (id, school_id, person_id, "
                    + "person_kind, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, feed.id());
                insert.setString(2, feed.schoolId());
                insert.setString(3, feed.personId());
                insert.setString(4, feed.personKind().wire());
                insert.setString(5, tokenHash);
                insert.setTimestamp(6, Timestamp.from(feed.createdAt()));
                insert.setString(7, feed.createdBy());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The live (not revoked) feed whose token has this hash. */
    public Optional<Feed> liveByHash(String tokenHash) {
        List<Feed> found = query(SELECT + " WHERE token_hash = ? AND revoked_at IS NULL", tokenHash);
        return found.stream().findFirst();
    }

    /** One feed of the school, live or revoked. */
    public Optional<Feed> byId(String schoolId, String id) {
        return query(SELECT + " WHERE school_id = ? AND id = ?", schoolId, id).stream().findFirst();
    }

    /** The school's feeds, newest first, revoked ones too. */
    public List<Feed> list(String schoolId) {
        return query(SELECT + " WHERE school_id = ? ORDER BY created_at DESC, id", schoolId);
    }

    /** One person's feeds in the school, newest first, revoked ones too. */
    public List<Feed> of(String schoolId, Kind kind, String personId) {
        return query(SELECT + " WHERE school_id = ? AND person_kind = ? AND person_id = ? "
                + "ORDER BY created_at DESC, id", schoolId, kind.wire(), personId);
    }

    /** Revokes a live feed of the school; false when there is none (unknown, or revoked already). */
    public boolean revoke(String schoolId, String id, Instant at) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE calendar_feed SET revoked_at = ? WHERE school_id = ? "
                    + "AND id = ? AND revoked_at IS NULL")) {
                u.setTimestamp(1, Timestamp.from(at));
                u.setString(2, schoolId);
                u.setString(3, id);
                return u.executeUpdate() > 0;
            }
        });
    }

    /** Records that a feed was fetched (callers do it at most once a minute per feed). */
    public void used(String id, Instant at) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE calendar_feed SET last_used_at = ? WHERE id = ?")) {
                u.setTimestamp(1, Timestamp.from(at));
                u.setString(2, id);
                u.executeUpdate();
            }
            return null;
        });
    }

    private List<Feed> query(String sql, String... keys) {
        return jdbc.inTransaction(c -> {
            List<Feed> feeds = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(sql)) {
                for (int i = 0; i < keys.length; i++) {
                    q.setString(i + 1, keys[i]);
                }
                Jdbc.eachRow(q, rs -> feeds.add(feed(rs)));
            }
            return feeds;
        });
    }

    private static Feed feed(ResultSet rs) throws SQLException {
        return new Feed(rs.getString(1), rs.getString(2), rs.getString(3), Kind.of(rs.getString(4)).orElseThrow(),
                rs.getTimestamp(5).toInstant(), rs.getString(6), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
