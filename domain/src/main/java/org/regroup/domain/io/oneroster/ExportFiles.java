package org.regroup.domain.io.oneroster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The CSV files of an export by their name in lower case ({@code userprofiles.csv}), from a folder or a zip (files in
 * one folder inside the zip are found too). A zip is read within bounds: a small zip that inflates to gigabytes is
 * refused, not read.
 */
public final class ExportFiles {

    /** Most bytes all files of an export may inflate to (a 5,000-student district is a few MiB). */
    public static final long MAX_UNZIPPED = 512L * 1024 * 1024;
    /** Most files an export may hold; OneRoster has 13 kinds. */
    static final int MAX_FILES = 100;

    private final Map<String, byte[]> files;
    private final String where;

    private ExportFiles(Map<String, byte[]> files, String where) {
        this.files = Collections.unmodifiableMap(files);
        this.where = where;
    }

    /** The export's files as they are (tests and generated exports). */
    public static ExportFiles of(Map<String, byte[]> byName) {
        Map<String, byte[]> files = new TreeMap<>();
        byName.forEach((name, bytes) -> files.put(name.toLowerCase(Locale.ROOT), bytes));
        return new ExportFiles(files, "export");
    }

    /** A folder of CSV files or a zip of them. */
    public static ExportFiles read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            Map<String, byte[]> files = new TreeMap<>();
            try (Stream<Path> list = Files.list(path)) {
                for (Path f : list.filter(Files::isRegularFile).toList()) {
                    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".csv")) {
                        files.put(name, Files.readAllBytes(f));
                    }
                }
            }
            return new ExportFiles(files, path.toString());
        }
        try (InputStream in = Files.newInputStream(path)) {
            return unzip(in, path.getFileName().toString());
        }
    }

    /** A zip; a body that is not one, or inflates past {@link #MAX_UNZIPPED}, is an {@link InvalidExportException}. */
    public static ExportFiles unzip(InputStream zip, String name) throws IOException {
        return unzip(zip, name, MAX_UNZIPPED);
    }

    static ExportFiles unzip(InputStream zip, String name, long maxUnzipped) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_FILES * 2) {
                    throw refused(name, "more than " + MAX_FILES * 2 + " entries; an export has at most 13 files");
                }
                String path = entry.getName().replace('\\', '/');
                String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (entry.isDirectory() || path.startsWith("__MACOSX/") || base.startsWith(".")
                        || !base.endsWith(".csv")) {
                    continue; // folders, macOS resource forks, READMEs: not part of the export
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > maxUnzipped) {
                        throw refused(name, "its files inflate to more than " + size(maxUnzipped));
                    }
                    out.write(buffer, 0, n);
                }
                if (files.put(base, out.toByteArray()) != null) {
                    throw refused(name, "it holds " + base + " twice (in two folders?)");
                }
            }
        } catch (ZipException | java.io.EOFException broken) {
            throw refused(name, "it is not a readable zip (" + broken.getMessage() + ")");
        }
        if (entries == 0) {
            throw refused(name, "it is not a zip, or an empty one: send the export's CSV files zipped");
        }
        return new ExportFiles(files, name);
    }

    private static InvalidExportException refused(String name, String why) {
        Problems p = new Problems();
        p.error(name, null, null, null, "cannot read the export: " + why);
        return new InvalidExportException(p.errors());
    }

    /** The file's bytes, or null when the export has no such file; {@code name} in any case. */
    public byte[] get(String name) {
        return files.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean has(String name) {
        return files.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public java.util.Set<String> names() {
        return files.keySet();
    }

    /** Where it was read from, for messages. */
    public String where() {
        return where;
    }

    /** For tests: a zip holding these files. */
    public static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A size as people read it: "512 MiB", "64 KiB". */
    private static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }
}
