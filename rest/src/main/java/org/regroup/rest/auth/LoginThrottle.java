package org.regroup.rest.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Password guessing, slowed: an account is locked for {@link #LOCKOUT} after {@link #FAILURES} wrong passwords within
 * that time (the lock lifts by itself, so a guesser cannot lock a teacher out for good), and one address may try at
 * most {@link #PER_ADDRESS} sign-ins a minute, right or wrong. Kept in memory: a restart forgets, which is no help
 * to a guesser beyond {@link #FAILURES} more tries.
 */
final class LoginThrottle {

    static final int FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    static final int PER_ADDRESS = 20;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, if it must. Counts this attempt for the address. */
    Optional<Duration> wait(String username, String address) {
        Instant now = clock.instant();
        Deque<Instant> tried = recent(attempts, address == null ? "?" : address, now, MINUTE);
        synchronized (tried) {
            if (tried.size() >= PER_ADDRESS) {
                return Optional.of(Duration.between(now, tried.peekFirst().plus(MINUTE)).plusSeconds(1));
            }
            tried.addLast(now);
        }
        Deque<Instant> failed = recent(failures, key(username), now, LOCKOUT);
        synchronized (failed) {
            if (failed.size() >= FAILURES) {
                return Optional.of(Duration.between(now, failed.peekLast().plus(LOCKOUT)).plusSeconds(1));
            }
        }
        return Optional.empty();
    }

    void failed(String username) {
        Deque<Instant> failed = recent(failures, key(username), clock.instant(), LOCKOUT);
        synchronized (failed) {
            failed.addLast(clock.instant());
        }
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    /** The times within {@code window} before now (older ones dropped), kept per key. */
    private static Deque<Instant> recent(Map<String, Deque<Instant>> map, String key, Instant now, Duration window) {
        if (map.size() > 100_000) {
            map.clear(); // a flood of made-up names must not fill the heap; the locks it drops lift in minutes anyway
        }
        Deque<Instant> times = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.removeFirst();
            }
        }
        return times;
    }
}
