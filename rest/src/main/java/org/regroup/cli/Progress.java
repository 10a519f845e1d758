package org.regroup.cli;

import java.io.PrintWriter;
import java.time.Duration;

import org.regroup.solver.solve.DaySolver;

/**
 * Shows solving progress: on a terminal a bar redrawn in place twice a second (the clock moves even while no better
 * plan is found); otherwise one line per new best plan, at most one a second (logs stay readable).
 */
final class Progress implements AutoCloseable {

    private static final int BAR = 30;

    private final PrintWriter err;
    private final Duration limit;
    private final boolean plain;
    private final boolean silent;
    private final long startNanos = System.nanoTime();
    private final java.util.concurrent.ScheduledExecutorService clock;
    private long lastLineMillis = -1_000;
    private DaySolver.Progress last;

    Progress(PrintWriter err, Duration limit, boolean plain, boolean silent) {
        this.err = err;
        this.limit = limit;
        this.plain = plain;
        this.silent = silent;
        if (silent || plain) {
            clock = null;
        } else {
            clock = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "regroup-progress");
                t.setDaemon(true);
                return t;
            });
            clock.scheduleAtFixedRate(this::redraw, 500, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    synchronized void update(DaySolver.Progress p) {
        last = p;
        if (silent) {
            return;
        }
        if (plain) {
            String line = "best " + p.score() + " at " + DurationConverter.format(p.elapsed())
                    + (p.firstFeasible() == null ? "" : " (feasible since "
                            + DurationConverter.format(p.firstFeasible()) + ")");
            if (p.elapsed().toMillis() - lastLineMillis >= 1_000) {
                err.println("  " + line);
                err.flush();
                lastLineMillis = p.elapsed().toMillis();
            }
            return;
        }
        redraw();
    }

    private synchronized void redraw() {
        long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
        int filled = (int) Math.min(BAR, BAR * elapsed / Math.max(1, limit.toMillis()));
        String best = last == null ? "building the first plan" : "best " + last.score()
                + (last.firstFeasible() == null ? "" : " (feasible since "
                        + DurationConverter.format(last.firstFeasible()) + ")");
        err.print("\r[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] "
                + DurationConverter.format(Duration.ofMillis(elapsed)) + "  " + best + "   ");
        err.flush();
    }

    @Override
    public void close() {
        finish();
    }

    synchronized void finish() {
        if (clock != null) {
            clock.shutdownNow();
        }
        if (silent) {
            return;
        }
        if (!plain) {
            err.println();
        } else if (last != null) {
            err.println("  final best " + last.score() + " at " + DurationConverter.format(last.elapsed()));
        }
        err.flush();
    }
}
