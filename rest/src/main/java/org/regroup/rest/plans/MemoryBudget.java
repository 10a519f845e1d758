package org.regroup.rest.plans;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heap the server sets aside for plans, and who holds how much of it: solves in progress and what-if scenarios
 * (which cannot give theirs back until they end), finished plans and stored versions kept parsed for readers (which
 * can: they are in the store, and are dropped from memory, least recently used first, to make room). A claim that
 * does not fit even then is refused, so no sequence of valid requests can exhaust the heap.
 */
public final class MemoryBudget {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryBudget.class);

    /**
     * Measured peak heap of a solve is about 40 KiB per student-block placement on the bundled large day (376 MiB
     * for 8,400 placements, docs/benchmarks.md); the estimate keeps a margin over that.
     */
    public static final long SOLVING_PER_PLACEMENT = 48 * 1024;
    /**
     * A finished plan held for readers: its day, its best plan, its renderings and score analysis once asked. A large
     * day (8,400 placements) kept about 25 MiB, 3 KiB each (issue 14); the estimate keeps a margin over that.
     */
    public static final long KEPT_PER_PLACEMENT = 4 * 1024;

    private record Claim(long bytes, Runnable drop) {
    }

    private final long budget;
    /** In the order of last use: the first droppable claim is the one to drop. */
    private final LinkedHashMap<String, Claim> claims = new LinkedHashMap<>(16, 0.75f, true);
    private long claimed;

    public MemoryBudget(long budgetBytes) {
        this.budget = budgetBytes;
    }

    /**
     * A claim that stays until {@link #release}: made room for by dropping kept plans; refused (false) when it
     * still does not fit — unless nothing else holds any memory, so that one day larger than the budget can still
     * be solved alone.
     */
    public synchronized boolean hold(String key, long bytes) {
        return claim(key, bytes, null);
    }

    /**
     * A claim the budget may take back: {@code drop} forgets what it holds (it can be read again from the store).
     * Refused (false) when it does not fit; then the caller keeps nothing.
     */
    public synchronized boolean keep(String key, long bytes, Runnable drop) {
        return claim(key, bytes, drop);
    }

    private boolean claim(String key, long bytes, Runnable drop) {
        release(key);
        if (claimed + bytes > budget) {
            makeRoom(claimed + bytes - budget);
        }
        if (claimed + bytes > budget && !(drop == null && claimed == 0)) {
            return false;
        }
        claims.put(key, new Claim(bytes, drop));
        claimed += bytes;
        return true;
    }

    /** Marks a kept claim as just used, so it is dropped last. */
    public synchronized void touch(String key) {
        claims.get(key);
    }

    public synchronized void release(String key) {
        Claim c = claims.remove(key);
        if (c != null) {
            claimed -= c.bytes;
        }
    }

    public synchronized long claimed() {
        return claimed;
    }

    public long budget() {
        return budget;
    }

    private void makeRoom(long needed) {
        long freed = 0;
        for (var it = claims.entrySet().iterator(); it.hasNext() && freed < needed; ) {
            Map.Entry<String, Claim> e = it.next();
            if (e.getValue().drop != null) {
                it.remove();
                claimed -= e.getValue().bytes;
                freed += e.getValue().bytes;
                e.getValue().drop.run();
                LOG.info("memory: dropped {} from memory to make room (it is read from the store again)", e.getKey());
            }
        }
    }
}
