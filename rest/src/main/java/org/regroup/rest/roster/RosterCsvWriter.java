package org.regroup.rest.roster;

import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.plan.Focus;
import org.regroup.rest.roster.Roster.BlockRoster;
import org.regroup.rest.roster.Roster.Member;

/**
 * A roster as RFC 4180 CSV (UTF-8, CRLF line ends, a header row): one row per student-block; a block without
 * students (free, away…) gives one row with the student columns empty. Fields holding a comma, a quote, a line break
 * or surrounding spaces are quoted, quotes doubled. A field a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or carriage return) is prefixed with {@code '}.
 */
public final class RosterCsvWriter {

    static final List<String> HEADER = List.of("date", "staffId", "staffName", "blockId", "start", "end", "status",
            "sessionId", "modality", "focusId", "focus", "spaceId", "space", "studentId", "studentName",
            "studentFocusId", "studentFocus", "accommodations", "note");

    private RosterCsvWriter() {
    }

    /** The whole CSV document. */
    public static String render(Roster roster) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        for (BlockRoster b : roster.blocks()) {
            if (b.students().isEmpty()) {
                row(csv, cells(roster, b, null));
            }
            for (Member m : b.students()) {
                row(csv, cells(roster, b, m));
            }
        }
        return csv.toString();
    }

    private static List<String> cells(Roster roster, BlockRoster b, Member m) {
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.add(roster.date() == null ? "" : roster.date().toString());
        cells.add(roster.staff().id());
        cells.add(roster.staff().name());
        cells.add(b.blockId());
        cells.add(RosterMedia.time(b.start()));
        cells.add(RosterMedia.time(b.end()));
        cells.add(status(b.status()));
        Focus focus = b.session() == null ? null : b.session().focus();
        cells.add(b.session() == null ? null : b.session().id());
        cells.add(b.session() == null ? null : b.session().modality());
        cells.add(focus == null ? null : focus.id());
        cells.add(focus == null ? null : focus.name());
        cells.add(b.space() == null ? null : b.space().id());
        cells.add(b.space() == null ? null : b.space().name());
        cells.add(m == null ? null : m.id());
        cells.add(m == null ? null : m.name());
        cells.add(m == null || m.focus() == null ? null : m.focus().id());
        cells.add(m == null || m.focus() == null ? null : m.focus().name());
        cells.add(m == null ? null : String.join("; ", m.accommodations()));
        cells.add(b.note());
        return cells;
    }

    static String status(Roster.Status status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** One field, quoted when RFC 4180 needs it, defused when a spreadsheet would read it as a formula. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1));
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
