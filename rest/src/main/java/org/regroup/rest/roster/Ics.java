package org.regroup.rest.roster;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The RFC 5545 text every calendar Regroup writes shares (a roster's download, the subscription feeds): TEXT values
 * escaped, floating local and UTC date-times, and content lines folded at 75 octets with CRLF line ends. Kept by
 * hand rather than with an iCalendar library: biweekly 0.6.8 folds at 75 characters, not octets (a line of accented
 * names goes past 75 octets), and writes floating times only from {@code java.util.Date} through the JVM's default
 * time zone.
 */
public final class Ics {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private Ics() {
    }

    /** A floating local date-time (the plans name no time zone): {@code 20261123T090000}. */
    public static String local(LocalDateTime t) {
        return LOCAL.format(t);
    }

    /** A UTC date-time: {@code 20261122T060000Z}. */
    public static String utc(Instant t) {
        return UTC.format(t);
    }

    /** The content lines as one iCalendar object: each folded, each ended by CRLF. */
    public static String join(List<String> lines) {
        StringBuilder ics = new StringBuilder();
        for (String line : lines) {
            ics.append(fold(line));
        }
        return ics.toString();
    }

    /** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma escaped, line breaks as \n, controls dropped. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\r' -> {
                    out.append("\\n");
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> out.append("\\n");
                default -> {
                    if (c == '\t' || (c >= 0x20 && c != 0x7f)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * A content line folded as RFC 5545 §3.1 asks: no line longer than 75 octets (UTF-8) before its CRLF, each
     * continuation starting with one space; a character is never split.
     */
    public static String fold(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        int octets = 0;
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            int size = utf8Length(cp);
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        return out.append("\r\n").toString();
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
