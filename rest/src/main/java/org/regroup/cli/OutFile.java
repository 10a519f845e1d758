package org.regroup.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an {@code --out} path before any work, so a run never fails only when it comes to write. */
final class OutFile {

    private OutFile() {
    }

    /**
     * Throws a {@link ErrorReporter.UserError} saying what to do when {@code target} could not be written;
     * {@code example} is the file name suggested when {@code target} is a directory.
     */
    static void checkWritable(Path target, Path example) {
        if (Files.isDirectory(target)) {
            throw new ErrorReporter.UserError("--out " + target + " is a directory, not a file; name a file in it, "
                    + "e.g. --out " + target.resolve(example));
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        Path existing = nearestExisting(dir);
        if (!Files.isDirectory(existing)) {
            throw new ErrorReporter.UserError("--out " + target + ": cannot create " + dir + " because " + existing
                    + " is a file, not a directory");
        }
        if (!Files.isWritable(existing) || !canCreateFileIn(existing)) {
            throw new ErrorReporter.UserError("--out " + target + ": cannot " + (existing.equals(dir) ? "write to "
                    : "create ") + dir + " (no permission, or a read-only file system); choose another place");
        }
    }

    /**
     * Whether a file can be made in {@code dir}, tried the way the result will be written (a temporary file beside
     * the target, then moved): permission bits do not tell for root, /proc or a read-only mount.
     */
    private static boolean canCreateFileIn(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, ".regroup-out-check", ".tmp"));
            return true;
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }

    private static Path nearestExisting(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? Path.of(".").toAbsolutePath() : p;
    }
}
