package org.regroup.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening an H2 file after its process was killed, without losing commits H2 had already written.
 *
 * <p>Why: H2 (2.5.252) writes every commit to the file before the commit returns (WRITE_DELAY=0), but after a kill
 * its quick recovery finds the newest commit by following the store header and each chunk's guess of where the next
 * chunk goes. When a chunk is not written where the previous one guessed, H2 rewrites the header, but the header it
 * writes still names the previous chunk (RandomAccessStore.writeChunk runs before FileStore.storeBuffer sets
 * lastChunk), so the new chunk and the ones chained after it (until the next miss or 20 versions on) are reachable
 * from nothing. They are on disk; H2 opens the version before them and drops them. A recovery-mode open scans the
 * whole file for chunks instead, finds them, and on close writes a header naming the newest.
 */
final class H2CrashRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(H2CrashRecovery.class);

    /** The version H2's own open would use, and the newest one on disk (which the store opens after recovery). */
    record Outcome(long h2WouldOpen, long opened) {
        long commitsKept() {
            return opened - h2WouldOpen;
        }
    }

    private H2CrashRecovery() {
    }

    /** The MVStore file of an embedded H2 URL ({@code jdbc:h2:[file:]PATH[;…]}); empty for other databases. */
    static Optional<Path> storeFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        if (options >= 0 && rest.substring(options).toUpperCase(Locale.ROOT).contains("CIPHER=")) {
            return Optional.empty(); // cannot be read without its file password
        }
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        } else if (path.matches("^[A-Za-z]+:.*") && !path.matches("^[A-Za-z]:[\\\\/].*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, zip:, nio…: not a plain local file
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(Path.of(path + ".mv.db"));
    }

    /**
     * Reads only: for a file not closed cleanly, the version H2's open would use and the newest a full scan finds
     * (then in {@link Outcome#opened}); empty for a file closed cleanly.
     */
    static Optional<Outcome> inspect(Path file) {
        String name = file.toString();
        long h2WouldOpen;
        try (MVStore asH2 = new MVStore.Builder().fileName(name).readOnly().open()) {
            if (asH2.getFileStore().getStoreHeader().containsKey("clean")) { // FileStore.HDR_CLEAN
                return Optional.empty();
            }
            h2WouldOpen = asH2.getCurrentVersion();
        }
        try (MVStore scanned = new MVStore.Builder().fileName(name).readOnly().recoveryMode().open()) {
            return Optional.of(new Outcome(h2WouldOpen, scanned.getCurrentVersion()));
        }
    }

    /**
     * Before H2 opens {@code file}: if it was not closed cleanly and holds commits newer than H2's recovery would
     * find, makes the header name the newest. Only reads a file closed cleanly or with nothing newer; leaves alone
     * one it cannot read (locked by a running server, damaged): H2's own open then reports it as before.
     */
    static Optional<Outcome> recover(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String name = file.toString();
        try {
            Optional<Outcome> found = inspect(file);
            if (found.isEmpty()) {
                return found;
            }
            long h2WouldOpen = found.get().h2WouldOpen();
            long newest = found.get().opened();
            if (newest <= h2WouldOpen) {
                LOG.info("store: {} was not closed cleanly; H2's own recovery finds its newest commit", name);
                return found;
            }
            try (MVStore rewritten = new MVStore.Builder().fileName(name).recoveryMode().open()) {
                newest = rewritten.getCurrentVersion(); // closing writes a header that names the newest chunk
            }
            LOG.warn("store: {} was not closed cleanly; kept {} newer commit(s) H2's own recovery would have dropped "
                    + "(version {} instead of {})", name, newest - h2WouldOpen, newest, h2WouldOpen);
            return Optional.of(new Outcome(h2WouldOpen, newest));
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                LOG.debug("store: {} is in use; no crash recovery", name);
            } else {
                LOG.warn("store: could not look for commits H2's crash recovery misses in {} ({}); H2 opens it as it "
                        + "is", name, e.getMessage());
            }
            return Optional.empty();
        }
    }
}
