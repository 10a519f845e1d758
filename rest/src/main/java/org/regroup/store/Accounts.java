package org.regroup.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Accounts, their API tokens and browser sessions. Secrets are never stored: passwords as Argon2id hashes, tokens and
 * session ids as SHA-256 hashes (made by the caller; the store only keeps what it is given).
 */
public final class Accounts {

    /** One account. {@code children}: a guardian's students; {@code personId}: a teacher's staff or a student's id. */
    public record Account(String id, String username, String passwordHash, Role role, String schoolId,
            String personId, Set<String> children, boolean disabled, Instant createdAt) {
    }

    /** An API token as listed (never its secret). */
    public record Token(String id, String accountId, String name, Instant createdAt, Instant expiresAt,
            Instant revokedAt, Instant lastUsedAt) {
    }

    /** A browser session. */
    public record Session(String accountId, String csrfToken, Instant createdAt, Instant lastSeenAt,
            Instant expiresAt) {
    }

    private final Jdbc jdbc;

    Accounts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM account")) {
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Adds an account; false when the username is taken. {@code onlyIfNone}: only if the store has no account. */
    public boolean create(Account a, boolean onlyIfNone) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement(onlyIfNone ? "SELECT COUNT(*) FROM account"
                    : "SELECT COUNT(*) FROM account WHERE LOWER(username) = LOWER(?)")) {
                if (!onlyIfNone) {
                    q.setString(1, a.username());
                }
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return false;
                    }
                }
            }
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO account (id, username, password_hash, "
                    + "role, school_id, person_id, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, a.id());
                insert.setString(2, a.username());
                insert.setString(3, a.passwordHash());
                insert.setString(4, a.role().wire());
                insert.setString(5, a.schoolId());
                insert.setString(6, a.personId());
                insert.setBoolean(7, a.disabled());
                insert.setTimestamp(8, now);
                insert.setTimestamp(9, now);
                insert.executeUpdate();
            }
            try (PreparedStatement child = c.prepareStatement("INSERT INTO account_student (account_id, student_id) "
                    + "VALUES (?, ?)")) {
                for (String s : a.children()) {
                    child.setString(1, a.id());
                    child.setString(2, s);
                    child.addBatch();
                }
                child.executeBatch();
            }
            return true;
        });
    }

    private static final String SELECT_ACCOUNT = "SELECT id, username, password_hash, role, school_id, person_id, "
            + "disabled, created_at FROM account";

    public Optional<Account> byUsername(String username) {
        return one(SELECT_ACCOUNT + " WHERE LOWER(username) = LOWER(?)", username);
    }

    public Optional<Account> byId(String id) {
        return one(SELECT_ACCOUNT + " WHERE id = ?", id);
    }

    private Optional<Account> one(String sql, String key) {
        return jdbc.inTransaction(c -> {
            List<Account> found = read(c, sql, key);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    /** Every account of {@code schoolId}, or every account when it is null; by username. */
    public List<Account> list(String schoolId) {
        return jdbc.inTransaction(c -> schoolId == null ? read(c, SELECT_ACCOUNT + " ORDER BY username", null)
                : read(c, SELECT_ACCOUNT + " WHERE school_id = ? ORDER BY username", schoolId));
    }

    private static List<Account> read(Connection c, String sql, String key) throws SQLException {
        Map<String, Account> accounts = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            if (key != null) {
                q.setString(1, key);
            }
            Jdbc.eachRow(q, rs -> accounts.put(rs.getString(1), new Account(rs.getString(1), rs.getString(2),
                    rs.getString(3), Role.of(rs.getString(4)).orElseThrow(), rs.getString(5), rs.getString(6),
                    new TreeSet<>(), rs.getBoolean(7), rs.getTimestamp(8).toInstant())));
        }
        if (!accounts.isEmpty()) {
            try (PreparedStatement q = c.prepareStatement("SELECT student_id FROM account_student WHERE account_id = ?")) {
                for (Account a : accounts.values()) {
                    q.setString(1, a.id());
                    Jdbc.eachRow(q, rs -> a.children().add(rs.getString(1)));
                }
            }
        }
        return new ArrayList<>(accounts.values());
    }

    /**
     * The accounts linked to a student of {@code schoolId}: their own (a student account with their id) and their
     * guardians'; by username.
     */
    public List<Account> linkedTo(String schoolId, String studentId) {
        return jdbc.inTransaction(c -> {
            List<Account> linked = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id FROM account WHERE school_id = ? AND ((role = '"
                    + Role.STUDENT.wire() + "' AND person_id = ?) OR id IN (SELECT account_id FROM account_student "
                    + "WHERE student_id = ?)) ORDER BY username")) {
                q.setString(1, schoolId);
                q.setString(2, studentId);
                q.setString(3, studentId);
                List<String> ids = new ArrayList<>();
                Jdbc.eachRow(q, rs -> ids.add(rs.getString(1)));
                for (String id : ids) {
                    linked.addAll(read(c, SELECT_ACCOUNT + " WHERE id = ?", id));
                }
            }
            return linked;
        });
    }

    /** Disables (or enables) an account: its sessions end, its tokens stop working. False when there is none. */
    public boolean setDisabled(String accountId, boolean disabled) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE account SET disabled = ?, updated_at = ? WHERE id = ?")) {
                u.setBoolean(1, disabled);
                u.setTimestamp(2, Timestamp.from(Instant.now()));
                u.setString(3, accountId);
                if (u.executeUpdate() == 0) {
                    return false;
                }
            }
            if (disabled) {
                deleteSessions(c, accountId);
            }
            return true;
        });
    }

    /** Replaces an account's password hash; its browser sessions end. */
    public boolean setPassword(String accountId, String passwordHash) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE account SET password_hash = ?, updated_at = ? "
                    + "WHERE id = ?")) {
                u.setString(1, passwordHash);
                u.setTimestamp(2, Timestamp.from(Instant.now()));
                u.setString(3, accountId);
                if (u.executeUpdate() == 0) {
                    return false;
                }
            }
            deleteSessions(c, accountId);
            return true;
        });
    }

    private static void deleteSessions(Connection c, String accountId) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM web_session WHERE account_id = ?")) {
            d.setString(1, accountId);
            d.executeUpdate();
        }
    }

    // ---- API tokens ----

    public void addToken(Token t, String tokenHash) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO api_token (id, account_id, name, "
                    + "token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, t.id());
                insert.setString(2, t.accountId());
                insert.setString(3, t.name());
                insert.setString(4, tokenHash);
                insert.setTimestamp(5, Timestamp.from(t.createdAt()));
                insert.setTimestamp(6, Timestamp.from(t.expiresAt()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    private static final String SELECT_TOKEN = "SELECT id, account_id, name, created_at, expires_at, revoked_at, "
            + "last_used_at FROM api_token";

    /** The token with this hash, whatever its state (the caller checks expiry and revocation). */
    public Optional<Token> tokenByHash(String tokenHash) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement(SELECT_TOKEN + " WHERE token_hash = ?")) {
                q.setString(1, tokenHash);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(token(rs)) : Optional.empty();
                }
            }
        });
    }

    /** An account's tokens, newest first. */
    public List<Token> tokens(String accountId) {
        return jdbc.inTransaction(c -> {
            List<Token> all = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(SELECT_TOKEN + " WHERE account_id = ? ORDER BY created_at DESC")) {
                q.setString(1, accountId);
                Jdbc.eachRow(q, rs -> all.add(token(rs)));
            }
            return all;
        });
    }

    private static Token token(ResultSet rs) throws SQLException {
        return new Token(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Revokes one of the account's tokens; false when it has no such token (or it was revoked already). */
    public boolean revokeToken(String accountId, String tokenId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE api_token SET revoked_at = ? WHERE id = ? AND "
                    + "account_id = ? AND revoked_at IS NULL")) {
                u.setTimestamp(1, Timestamp.from(Instant.now()));
                u.setString(2, tokenId);
                u.setString(3, accountId);
                return u.executeUpdate() > 0;
            }
        });
    }

    /** Records that a token was used (at most once a minute per token: callers decide). */
    public void tokenUsed(String tokenId, Instant at) {
        setTime("UPDATE api_token SET last_used_at = ? WHERE id = ?", at, tokenId);
    }

    /** Runs an UPDATE that sets one time on the row of one key. */
    private void setTime(String update, Instant at, String key) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement(update)) {
                u.setTimestamp(1, Timestamp.from(at));
                u.setString(2, key);
                u.executeUpdate();
            }
            return null;
        });
    }

    // ---- browser sessions ----

    public void addSession(String idHash, Session s) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO web_session (id_hash, account_id, "
                    + "csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, idHash);
                insert.setString(2, s.accountId());
                insert.setString(3, s.csrfToken());
                insert.setTimestamp(4, Timestamp.from(s.createdAt()));
                insert.setTimestamp(5, Timestamp.from(s.lastSeenAt()));
                insert.setTimestamp(6, Timestamp.from(s.expiresAt()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Session> session(String idHash) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT account_id, csrf_token, created_at, last_seen_at, "
                    + "expires_at FROM web_session WHERE id_hash = ?")) {
                q.setString(1, idHash);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(new Session(rs.getString(1), rs.getString(2),
                            rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5).toInstant())) : Optional.empty();
                }
            }
        });
    }

    public void sessionSeen(String idHash, Instant at) {
        setTime("UPDATE web_session SET last_seen_at = ? WHERE id_hash = ?", at, idHash);
    }

    /** Ends a session (logout, expiry). */
    public void endSession(String idHash) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM web_session WHERE id_hash = ?")) {
                d.setString(1, idHash);
                d.executeUpdate();
            }
            return null;
        });
    }

    /** Deletes sessions past their expiry or idle since {@code idleBefore}; returns how many. */
    public int dropSessions(Instant now, Instant idleBefore) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM web_session WHERE expires_at < ? OR "
                    + "last_seen_at < ?")) {
                d.setTimestamp(1, Timestamp.from(now));
                d.setTimestamp(2, Timestamp.from(idleBefore));
                return d.executeUpdate();
            }
        });
    }
}
