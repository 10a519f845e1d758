package org.regroup.rest.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.regroup.store.Accounts;
import org.regroup.store.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves who asks: API tokens, browser sessions (sign-in with a password, sign-out, expiry) and the one-time setup of
 * the first administrator. Every secret is random, 256 bits, and stored only as a hash.
 */
public final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    /** A browser session ends after this long without a request… */
    public static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    /** …and in any case this long after sign-in (a school day, and then some). */
    public static final Duration SESSION_MAX = Duration.ofHours(12);
    public static final Duration TOKEN_DEFAULT = Duration.ofDays(90);
    public static final Duration TOKEN_MAX = Duration.ofDays(366);
    /** API tokens start with this, so that a leaked one is easy to find in a repository or a log. */
    public static final String TOKEN_PREFIX = "rg_";
    /** A session's or token's last use is written at most this often. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** Signing in failed: wrong name or password, or an account that is disabled (the caller is not told which). */
    public static final class SignInFailed extends RuntimeException {
        private final Duration retryAfter;

        SignInFailed(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        /** Set when the caller is throttled (429) rather than wrong (401). */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** A new browser session: the cookie's value (a secret), its CSRF token, who. */
    public record NewSession(String cookieValue, String csrfToken, SignedIn who, Instant expiresAt) {
    }

    /** A new API token: shown once. */
    public record NewToken(Accounts.Token token, String secret) {
    }

    private final Accounts accounts;
    private final Clock clock;
    private final LoginThrottle throttle;
    /** Ended sessions are deleted every {@link #SWEEP_EVERY} sign-ins. */
    private final java.util.concurrent.atomic.AtomicLong opened = new java.util.concurrent.atomic.AtomicLong();
    private static final int SWEEP_EVERY = 100;
    /** The first administrator's one-time setup token, while the store has no account (null after). */
    private volatile String setupToken;

    public Authenticator(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
        this.throttle = new LoginThrottle(clock);
    }

    public Accounts accounts() {
        return accounts;
    }

    /**
     * With no account yet, a one-time token that lets the first administrator be made ({@code POST /api/setup});
     * empty when there are accounts. A new one each start; it ends when used.
     */
    public synchronized Optional<String> setupToken() {
        if (accounts.count() > 0) {
            setupToken = null;
            return Optional.empty();
        }
        if (setupToken == null) {
            setupToken = Secrets.secret();
        }
        return Optional.of(setupToken);
    }

    /** Makes the first account, a district admin, with the setup token; false when the token is wrong or used. */
    public synchronized boolean setUp(String token, String username, String password) {
        if (setupToken == null || !Secrets.same(setupToken, token)) {
            return false;
        }
        boolean made = accounts.create(new Accounts.Account(Secrets.id("a_"), username,
                Passwords.hash(password.toCharArray()), Role.DISTRICT_ADMIN, null, null, Set.of(), false,
                clock.instant()), true);
        setupToken = null;
        if (made) {
            LOG.info("setup: the first account (a district admin) was made");
        }
        return made;
    }

    // ---- API tokens ----

    /** Who a bearer token is, if it is a live token of an enabled account. */
    public Optional<SignedIn> byToken(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Optional<Accounts.Token> token = accounts.tokenByHash(Secrets.sha256(secret));
        Instant now = clock.instant();
        if (token.isEmpty() || token.get().revokedAt() != null || !token.get().expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        Optional<Accounts.Account> account = accounts.byId(token.get().accountId());
        if (account.isEmpty() || account.get().disabled()) {
            return Optional.empty();
        }
        Instant used = token.get().lastUsedAt();
        if (used == null || used.plus(TOUCH_EVERY).isBefore(now)) {
            accounts.tokenUsed(token.get().id(), now);
        }
        return Optional.of(SignedIn.of(account.get(), SignedIn.Via.TOKEN, null));
    }

    public NewToken issueToken(String accountId, String name, Duration validFor) {
        Instant now = clock.instant();
        String secret = TOKEN_PREFIX + Secrets.secret();
        Accounts.Token token = new Accounts.Token(Secrets.id("t_"), accountId, name, now, now.plus(validFor), null,
                null);
        accounts.addToken(token, Secrets.sha256(secret));
        LOG.info("token {} issued to account {} until {}", token.id(), accountId, token.expiresAt());
        return new NewToken(token, secret);
    }

    public List<Accounts.Token> tokens(String accountId) {
        return accounts.tokens(accountId);
    }

    public boolean revoke(String accountId, String tokenId) {
        boolean revoked = accounts.revokeToken(accountId, tokenId);
        if (revoked) {
            LOG.info("token {} of account {} revoked", tokenId, accountId);
        }
        return revoked;
    }

    // ---- browser sessions ----

    /** Signs in with a password; throws {@link SignInFailed} (wrong, disabled, or throttled). */
    public NewSession signIn(String username, String password, String address) {
        Optional<Duration> wait = throttle.wait(username, address);
        if (wait.isPresent()) {
            throw new SignInFailed("too many sign-in attempts; try again in " + wait.get().toSeconds() + " s",
                    wait.get());
        }
        Optional<Accounts.Account> account = username == null ? Optional.empty() : accounts.byUsername(username);
        char[] secret = password == null ? new char[0] : password.toCharArray();
        boolean right = account.isPresent() ? Passwords.verify(secret, account.get().passwordHash()) : false;
        if (account.isEmpty()) {
            Passwords.verifyNobody(secret);
        }
        if (!right || account.get().disabled()) {
            throttle.failed(username);
            LOG.info("sign-in refused{}", account.map(a -> " for account " + a.id()).orElse(""));
            throw new SignInFailed("wrong username or password", null);
        }
        throttle.succeeded(username);
        return openSession(account.get());
    }

    /** A session for an account proven some other way (the school's identity provider). */
    public NewSession openSession(Accounts.Account account) {
        if (opened.incrementAndGet() % SWEEP_EVERY == 0) {
            dropEndedSessions(); // ended sessions are refused anyway; this keeps the table small
        }
        Instant now = clock.instant();
        String cookie = Secrets.secret();
        String csrf = Secrets.secret();
        Instant expires = now.plus(SESSION_MAX);
        accounts.addSession(Secrets.sha256(cookie), new Accounts.Session(account.id(), csrf, now, now, expires));
        LOG.info("account {} signed in", account.id());
        return new NewSession(cookie, csrf, SignedIn.of(account, SignedIn.Via.SESSION, csrf), expires);
    }

    /** Who a session cookie is, if the session is live (not idle too long, not past its end) and the account enabled. */
    public Optional<SignedIn> bySession(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 200) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(cookieValue);
        Optional<Accounts.Session> session = accounts.session(hash);
        Instant now = clock.instant();
        if (session.isEmpty()) {
            return Optional.empty();
        }
        if (!session.get().expiresAt().isAfter(now) || session.get().lastSeenAt().plus(SESSION_IDLE).isBefore(now)) {
            accounts.endSession(hash);
            return Optional.empty();
        }
        Optional<Accounts.Account> account = accounts.byId(session.get().accountId());
        if (account.isEmpty() || account.get().disabled()) {
            return Optional.empty();
        }
        if (session.get().lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            accounts.sessionSeen(hash, now);
        }
        return Optional.of(SignedIn.of(account.get(), SignedIn.Via.SESSION, session.get().csrfToken()));
    }

    public void signOut(String cookieValue) {
        if (cookieValue != null && cookieValue.length() <= 200) {
            accounts.endSession(Secrets.sha256(cookieValue));
        }
    }

    /** Deletes sessions that have ended (called now and then). */
    public int dropEndedSessions() {
        Instant now = clock.instant();
        return accounts.dropSessions(now, now.minus(SESSION_IDLE));
    }
}
