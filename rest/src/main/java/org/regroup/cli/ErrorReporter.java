package org.regroup.cli;

import java.io.PrintWriter;

import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import picocli.CommandLine;

/**
 * Turns failures into messages a user can act on: bad input lists every error with its place and exits 2; anything
 * else says what failed in one line (the stack trace only with REGROUP_DEBUG=1).
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (ex instanceof InvalidInputException invalid) {
            report(err, invalid);
            return RegroupCommand.EXIT_BAD_INPUT;
        }
        if (ex instanceof UserError user) {
            err.println("regroup: " + user.getMessage());
            return RegroupCommand.EXIT_BAD_INPUT;
        }
        if (ex instanceof java.nio.file.FileSystemException file) {
            // A file that could not be written after all (a disk filled up while solving): say which, and why.
            err.println("regroup: cannot write " + file.getFile() + (file.getReason() == null ? ""
                    : " (" + file.getReason() + ")") + "; nothing was written");
            return 1;
        }
        err.println("regroup: internal error: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage())));
        err.println("(set REGROUP_DEBUG=1 for details; please report it)");
        if ("1".equals(System.getenv("REGROUP_DEBUG"))) {
            ex.printStackTrace(err);
        }
        return 1;
    }

    static void report(PrintWriter err, InvalidInputException invalid) {
        int n = invalid.errors().size();
        err.println("regroup: " + (invalid.source() == null ? "input" : invalid.source()) + ": " + n
                + (n == 1 ? " error" : " errors") + ", nothing was solved or written");
        for (InputError e : invalid.errors()) {
            err.println("  " + e.path() + ": " + e.message());
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A mistake in how the command was used (a path that cannot be written, say). */
    static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message);
        }
    }
}
