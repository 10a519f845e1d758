package org.regroup.domain.io.oneroster;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code manifest.csv}: the OneRoster version (1.1 or 1.2) and, per file, whether the export holds all of it
 * ({@code bulk}: what it leaves out is gone), only what changed ({@code delta}: {@code status=tobedeleted} removes,
 * the rest adds or updates) or nothing ({@code absent}).
 */
public record Manifest(String version, Map<String, Mode> files) {

    public static final String FILE = "manifest.csv";

    public enum Mode {
        BULK, DELTA, ABSENT;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the export holds {@code file} ({@code users}, {@code classes}…): absent when the manifest says nothing. */
    public Mode mode(String file) {
        return files.getOrDefault(file, Mode.ABSENT);
    }

    public boolean v12() {
        return "1.2".equals(version);
    }

    public static Manifest read(ExportFiles export, Problems problems) {
        byte[] bytes = export.get(FILE);
        if (bytes == null) {
            problems.error(FILE, null, null, null, "the export has no manifest.csv; every OneRoster CSV export has "
                    + "one (it says the version and which files are bulk or delta)");
            return null;
        }
        CsvTable table = CsvTable.read(FILE, bytes, Set.of("propertyName", "value"), Set.of("propertyName", "value"),
                problems);
        String version = null;
        long versionLine = 1;
        Map<String, Mode> files = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String name = row.get("propertyName");
            String value = row.get("value");
            if (name == null) {
                continue;
            }
            if (name.equals("oneroster.version")) {
                version = value;
                versionLine = row.line();
            } else if (name.startsWith("file.")) {
                Mode mode = value == null ? null : switch (value.toLowerCase(Locale.ROOT)) {
                    case "bulk" -> Mode.BULK;
                    case "delta" -> Mode.DELTA;
                    case "absent" -> Mode.ABSENT;
                    default -> null;
                };
                if (value == null) {
                    // seen in real exports for files they do not have
                    problems.warning(FILE, row.line(), "value", null, name + " has no value: read as absent");
                    files.put(name.substring("file.".length()).toLowerCase(Locale.ROOT), Mode.ABSENT);
                } else if (mode == null) {
                    problems.error(FILE, row.line(), "value", null, name + " must be bulk, delta or absent, was '"
                            + value + "'");
                } else {
                    files.put(name.substring("file.".length()).toLowerCase(Locale.ROOT), mode);
                }
            }
        }
        if (version == null) {
            if (!problems.hasErrors()) {
                problems.error(FILE, null, null, null, "the manifest has no oneroster.version (1.1 or 1.2)");
            }
        } else if (!version.equals("1.1") && !version.equals("1.2")) {
            problems.error(FILE, versionLine, "value", null, "oneroster.version " + version + " is not one this "
                    + "import reads (1.1 or 1.2)");
        }
        return new Manifest(version, files);
    }
}
