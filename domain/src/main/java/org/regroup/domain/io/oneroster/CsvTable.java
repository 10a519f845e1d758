package org.regroup.domain.io.oneroster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * One CSV file of an export, read with Commons CSV: the header names its columns (in any order, a UTF-8 byte order
 * mark before it ignored), fields may be quoted and hold commas, quotes and line breaks, lines may end in CRLF. A
 * column it needs and lacks is an error at line 1; columns it does not know are ignored (vendors add {@code ext_*}
 * columns), said once as a warning.
 */
public final class CsvTable {

    /** One record: the line it starts on (1 is the header) and its values by column, trimmed, empty ones left out. */
    public record Row(String file, long line, Map<String, String> values) {

        /** The value, or null when the column is missing or the field empty. */
        public String get(String column) {
            return values.get(column);
        }

        /** A comma-separated list field ({@code orgSourcedIds}, {@code grades}, {@code subjects}). */
        public List<String> list(String column) {
            String v = get(column);
            if (v == null) {
                return List.of();
            }
            List<String> items = new ArrayList<>();
            for (String item : v.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return items;
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
            .setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).setTrim(true).get();

    private final String file;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(String file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    public String file() {
        return file;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean hasColumn(String column) {
        return header.contains(column);
    }

    /**
     * Reads {@code bytes} as {@code file}; errors go to {@code problems} (and the table read so far, possibly empty,
     * is returned so that other files are still checked).
     *
     * @param required columns that must be in the header
     * @param known    every column OneRoster defines for the file (the rest are reported as ignored)
     */
    public static CsvTable read(String file, byte[] bytes, Set<String> required, Set<String> known,
            Problems problems) {
        return read(file, bytes, required, known, "columns not in OneRoster, ignored: ", problems);
    }

    /** As {@link #read(String, byte[], Set, Set, Problems)}, for a file of another format: {@code unknownNote} says so. */
    public static CsvTable read(String file, byte[] bytes, Set<String> required, Set<String> known,
            String unknownNote, Problems problems) {
        if (bytes.length == 0) {
            problems.warning(file, null, null, null, "the file is empty (0 bytes, no header): read as no records");
            return new CsvTable(file, List.of(), List.of());
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Row> rows = new ArrayList<>();
        List<String> header = List.of();
        long line = 1;
        try (Reader reader = withoutBom(new InputStreamReader(new ByteArrayInputStream(bytes), decoder));
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            header = parser.getHeaderNames().stream().map(h -> canonical(h.strip(), known)).toList();
            checkHeader(file, header, required, known, unknownNote, problems);
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                line = parser.getCurrentLineNumber() + 1; // where the next record starts
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a blank line; skipped here, not by the parser, so that line numbers stay exact
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    String v = record.get(i);
                    if (!header.get(i).isEmpty() && v != null && !v.isBlank()) {
                        values.putIfAbsent(header.get(i), v.strip());
                    }
                }
                if (record.size() > header.size() && record.stream().skip(header.size()).anyMatch(v -> !v.isBlank())) {
                    problems.warning(file, line, null, values.get("sourcedId"), "the record has "
                            + record.size() + " fields, the header " + header.size() + ": the extra ones are ignored");
                }
                rows.add(new Row(file, line, Collections.unmodifiableMap(values)));
            }
        } catch (UncheckedIOException | IOException | IllegalArgumentException | IllegalStateException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            String why = cause instanceof CharacterCodingException ? "the file is not UTF-8 text"
                    : "the CSV cannot be read here (" + firstLine(cause.getMessage()) + ")";
            problems.error(file, line, null, null, why);
        }
        return new CsvTable(file, header, List.copyOf(rows));
    }

    private static void checkHeader(String file, List<String> header, Set<String> required, Set<String> known,
            String unknownNote, Problems problems) {
        for (String column : required) {
            if (!header.contains(column)) {
                problems.error(file, 1L, column, null, "the header has no " + column + " column, which this file "
                        + "needs");
            }
        }
        Set<String> unknown = new TreeSet<>();
        for (String column : header) {
            if (!column.isEmpty() && !known.contains(column)) {
                unknown.add(column);
            }
        }
        if (!unknown.isEmpty()) {
            problems.warning(file, 1L, null, null, unknownNote + String.join(", ", unknown));
        }
    }

    /** A column as OneRoster spells it, whatever case the export wrote it in ({@code SourcedId}). */
    private static String canonical(String column, Set<String> known) {
        if (known.contains(column)) {
            return column;
        }
        return known.stream().filter(k -> k.equalsIgnoreCase(column)).findFirst().orElse(column);
    }

    /** A UTF-8 byte order mark (Excel writes one) would otherwise stick to the first column's name. */
    private static Reader withoutBom(Reader in) throws IOException {
        java.io.PushbackReader reader = new java.io.PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
