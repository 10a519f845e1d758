package org.regroup.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regroup.store.Accounts;
import org.regroup.store.Database;
import org.regroup.store.Role;
import org.regroup.store.SchoolStore;

/** Sessions and tokens against the store, on a clock the test moves: expiry, revocation, lockout, setup. */
class AuthenticatorTest {

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void pass(Duration d) {
            now = now.plus(d);
        }
    }

    private static final String PASSWORD = "correct horse battery";

    private Database database;
    private Accounts accounts;
    private TestClock clock;
    private Authenticator auth;
    private Accounts.Account teacher;

    @BeforeEach
    void store() {
        database = Database.open("jdbc:h2:mem:auth-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null, null);
        accounts = new SchoolStore(database).accounts();
        clock = new TestClock();
        auth = new Authenticator(accounts, clock);
        teacher = new AccountAdmin(accounts, clock).create("teacher@north.example", PASSWORD, Role.TEACHER, "north",
                "T01", Set.of());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSessionLastsWhileUsedAndEndsWhenIdleOrPastItsEnd() {
        Authenticator.NewSession s = auth.signIn("teacher@north.example", PASSWORD, "10.0.0.1");
        assertThat(auth.bySession(s.cookieValue())).hasValueSatisfying(who -> {
            assertThat(who.accountId()).isEqualTo(teacher.id());
            assertThat(who.personId()).isEqualTo("T01");
            assertThat(who.csrfToken()).isEqualTo(s.csrfToken());
        });
        // used every 20 minutes, it lives to its end (12 h) and not a minute more
        for (int i = 0; i < 35; i++) {
            clock.pass(Duration.ofMinutes(20));
            assertThat(auth.bySession(s.cookieValue())).as("after %d min", (i + 1) * 20).isPresent();
        }
        clock.pass(Duration.ofMinutes(21));
        assertThat(auth.bySession(s.cookieValue())).isEmpty();

        Authenticator.NewSession idle = auth.signIn("teacher@north.example", PASSWORD, "10.0.0.1");
        clock.pass(Authenticator.SESSION_IDLE.plusSeconds(1));
        assertThat(auth.bySession(idle.cookieValue())).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionAndAStoreCopyOfItSignsNobodyIn() {
        Authenticator.NewSession s = auth.signIn("TEACHER@north.example", PASSWORD, "10.0.0.1");
        assertThat(accounts.session(s.cookieValue())).as("stored only as a hash").isEmpty();
        auth.signOut(s.cookieValue());
        assertThat(auth.bySession(s.cookieValue())).isEmpty();
    }

    @Test
    void aTokenWorksUntilRevokedOrExpiredOrItsAccountIsDisabled() {
        Authenticator.NewToken t = auth.issueToken(teacher.id(), "grades sync", Duration.ofDays(30));
        assertThat(t.secret()).startsWith(Authenticator.TOKEN_PREFIX);
        assertThat(accounts.tokenByHash(t.secret())).as("stored only as a hash").isEmpty();
        assertThat(auth.byToken(t.secret())).isPresent();
        assertThat(auth.byToken(t.secret() + "x")).isEmpty();

        clock.pass(Duration.ofDays(30));
        assertThat(auth.byToken(t.secret())).as("expired").isEmpty();

        Authenticator.NewToken revoked = auth.issueToken(teacher.id(), "other", Duration.ofDays(30));
        assertThat(auth.revoke(teacher.id(), revoked.token().id())).isTrue();
        assertThat(auth.byToken(revoked.secret())).isEmpty();
        assertThat(auth.revoke("someone-else", revoked.token().id())).isFalse();

        Authenticator.NewToken live = auth.issueToken(teacher.id(), "third", Duration.ofDays(30));
        accounts.setDisabled(teacher.id(), true);
        assertThat(auth.byToken(live.secret())).as("account disabled").isEmpty();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesEvenForTheRightOne() {
        for (int i = 0; i < LoginThrottle.FAILURES; i++) {
            clock.pass(Duration.ofSeconds(10));
            assertThatThrownBy(() -> auth.signIn("teacher@north.example", "wrong password!", "10.0.0." + 1))
                    .isInstanceOfSatisfying(Authenticator.SignInFailed.class, f -> assertThat(f.retryAfter()).isNull());
        }
        assertThatThrownBy(() -> auth.signIn("teacher@north.example", PASSWORD, "10.0.0.2"))
                .isInstanceOfSatisfying(Authenticator.SignInFailed.class, f -> assertThat(f.retryAfter())
                        .isPositive().isLessThanOrEqualTo(LoginThrottle.LOCKOUT.plusSeconds(1)));
        clock.pass(LoginThrottle.LOCKOUT.plusSeconds(1));
        assertThat(auth.signIn("teacher@north.example", PASSWORD, "10.0.0.2").who().accountId())
                .isEqualTo(teacher.id());
    }

    @Test
    void oneAddressTriesAtMostTwentySignInsAMinute() {
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            assertThatThrownBy(() -> auth.signIn("nobody-" + UUID.randomUUID(), "whatever it is", "10.9.9.9"))
                    .isInstanceOfSatisfying(Authenticator.SignInFailed.class, f -> assertThat(f.retryAfter()).isNull());
        }
        assertThatThrownBy(() -> auth.signIn("teacher@north.example", PASSWORD, "10.9.9.9"))
                .isInstanceOfSatisfying(Authenticator.SignInFailed.class, f -> assertThat(f.retryAfter()).isNotNull());
        assertThat(auth.signIn("teacher@north.example", PASSWORD, "10.0.0.3")).isNotNull();
    }

    @Test
    void aDisabledAccountCannotSignInAndItsSessionsEnd() {
        Authenticator.NewSession s = auth.signIn("teacher@north.example", PASSWORD, "10.0.0.1");
        accounts.setDisabled(teacher.id(), true);
        assertThat(auth.bySession(s.cookieValue())).isEmpty();
        assertThatThrownBy(() -> auth.signIn("teacher@north.example", PASSWORD, "10.0.0.1"))
                .isInstanceOf(Authenticator.SignInFailed.class).hasMessage("wrong username or password");
    }

    @Test
    void theSetupTokenMakesTheFirstAdministratorOnce() {
        Database empty = Database.open("jdbc:h2:mem:setup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null,
                null);
        try {
            Authenticator fresh = new Authenticator(new SchoolStore(empty).accounts(), clock);
            String token = fresh.setupToken().orElseThrow();
            assertThat(fresh.setUp("not-it", "admin", PASSWORD)).isFalse();
            assertThat(fresh.setUp(token, "admin", PASSWORD)).isTrue();
            assertThat(fresh.setupToken()).isEmpty();
            assertThat(fresh.setUp(token, "admin2", PASSWORD)).as("used").isFalse();
            assertThat(fresh.signIn("admin", PASSWORD, "127.0.0.1").who().role()).isEqualTo(Role.DISTRICT_ADMIN);
        } finally {
            empty.close();
        }
        assertThat(auth.setupToken()).as("a store with accounts has no setup token").isEmpty();
    }

    @Test
    void passwordsAreArgon2idAndVerifyOnlyThemselves() {
        String hash = Passwords.hash(PASSWORD.toCharArray());
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(Passwords.verify(PASSWORD.toCharArray(), hash)).isTrue();
        assertThat(Passwords.verify("correct horse battery ".toCharArray(), hash)).isFalse();
        assertThat(Passwords.hash(PASSWORD.toCharArray())).as("salted").isNotEqualTo(hash);
        assertThat(Passwords.verify(PASSWORD.toCharArray(), "$argon2id$garbage")).isFalse();
        assertThat(Passwords.weakness("ana", "short")).isNotNull();
        assertThat(Passwords.weakness("ana", "my name is ana!")).isNotNull();
        assertThat(Passwords.weakness("ana", PASSWORD)).isNull();
    }
}
