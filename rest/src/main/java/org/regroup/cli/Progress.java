package org.regroup.cli;

import java.io.PrintWriter;
import java.time.Duration;

import org.regroup.solver.solve.DaySolver;

/**
 * Shows solving progress: a bar redrawn in place on a terminal; otherwise one line per new best plan, at most one a
 * second (logs stay readable).
 */
final class Progress {

    private static final int BAR = 30;

    private final PrintWriter err;
    private final Duration limit;
    private final boolean plain;
    private final boolean silent;
    private long lastLineMillis = -1_000;
    private DaySolver.Progress last;

    Progress(PrintWriter err, Duration limit, boolean plain, boolean silent) {
        this.err = err;
        this.limit = limit;
        this.plain = plain;
        this.silent = silent;
    }

    synchronized void update(DaySolver.Progress p) {
        last = p;
        if (silent) {
            return;
        }
        String line = "best " + p.score() + " at " + DurationConverter.format(p.elapsed())
                + (p.firstFeasible() == null ? "" : " (feasible since " + DurationConverter.format(p.firstFeasible())
                        + ")");
        if (plain) {
            if (p.elapsed().toMillis() - lastLineMillis >= 1_000) {
                err.println("  " + line);
                err.flush();
                lastLineMillis = p.elapsed().toMillis();
            }
            return;
        }
        int filled = (int) Math.min(BAR, BAR * p.elapsed().toMillis() / Math.max(1, limit.toMillis()));
        err.print("\r[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + line + "   ");
        err.flush();
    }

    synchronized void finish() {
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
