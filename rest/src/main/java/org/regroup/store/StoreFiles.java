package org.regroup.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's files hold names, accommodations and mastery: only the user running Regroup may read them.
 * The data directory is made (or made again) 0700 and the store's files 0600, on systems with POSIX permissions.
 */
final class StoreFiles {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFiles.class);
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private StoreFiles() {
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Makes the directory of {@code storeFile} (and its missing parents) readable by its owner only. */
    static void privateDirectory(Path storeFile) {
        Path dir = storeFile.toAbsolutePath().getParent();
        if (dir == null || !posix()) {
            return;
        }
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            if (!Files.getPosixFilePermissions(dir).equals(DIRECTORY)) {
                Files.setPosixFilePermissions(dir, DIRECTORY);
                LOG.info("store: data directory {} made readable by its owner only (0700)", dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data directory " + dir + " private", e);
        }
    }

    /** Makes the store's files ({@code regroup.*}) readable and writable by their owner only. */
    static void privateFiles(Path storeFile) {
        Path dir = storeFile.toAbsolutePath().getParent();
        if (dir == null || !posix()) {
            return;
        }
        String name = storeFile.getFileName().toString();
        String prefix = name.endsWith(".mv.db") ? name.substring(0, name.length() - ".mv.db".length()) : name;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + ".*")) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && !Files.getPosixFilePermissions(f).equals(FILE)) {
                    Files.setPosixFilePermissions(f, FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the store's files in " + dir + " private", e);
        }
    }
}
