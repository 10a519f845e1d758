package org.regroup.rest.health;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server knows about its own health beyond "it answers": an {@link OutOfMemoryError} anywhere (a request,
 * a solve, a scenario) leaves the process in a state nobody can vouch for, so from then on /api/health says DOWN
 * (503) and an operator restarts it — nothing acknowledged is lost by that, it is all in the store.
 */
public final class Vitals {

    private static final Logger LOG = LoggerFactory.getLogger(Vitals.class);

    /** Why the server is down and since when; null while it is not. */
    public record Down(String reason, Instant since) {
    }

    private final AtomicReference<Down> down = new AtomicReference<>();

    /** Records {@code error} when it is an out-of-memory error (or caused by one); answers whether it was. */
    public boolean check(Throwable error, String where) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                if (down.compareAndSet(null, new Down("out of memory in " + where + "; restart the server",
                        Instant.now()))) {
                    LOG.error("out of memory in {}: health is DOWN until the server is restarted", where);
                }
                return true;
            }
        }
        return false;
    }

    /** Null while the server is healthy. */
    public Down down() {
        return down.get();
    }
}
