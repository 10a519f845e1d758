package org.regroup.rest.roster;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.regroup.rest.roster.Roster.BlockRoster;
import org.regroup.rest.roster.Roster.Member;

/**
 * A roster as a printable HTML page: the school and date, then a table per block (who, on what, what to honour),
 * with a tick column for attendance. Print CSS keeps each block's table on one page and starts each adult on a new
 * page; no JavaScript (and a Content-Security-Policy that allows none); every value is escaped.
 */
public final class RosterHtmlWriter {

    /** Nothing but the page's own styles may load or run. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    private static final String STYLE = """
            body { font: 11pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #000;
                   margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; }
            header h1 { font-size: 16pt; margin: 0 0 .2rem; }
            header p { margin: 0 0 1rem; }
            table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; break-inside: avoid;
                    page-break-inside: avoid; }
            caption { text-align: left; font-weight: bold; padding: .2rem 0; }
            caption .what { font-weight: normal; }
            th, td { border: 1px solid #888; padding: 3pt 5pt; text-align: left; vertical-align: top; }
            th { background: #eee; }
            thead { display: table-header-group; }
            tr { break-inside: avoid; page-break-inside: avoid; }
            td.tick { width: 1.4em; }
            td.none { font-style: italic; color: #333; }
            footer { font-size: 8pt; color: #444; }
            article.roster { break-after: page; page-break-after: always; }
            article.roster:last-of-type { break-after: auto; page-break-after: auto; }
            @page { margin: 12mm; }
            @media print {
              body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
              th { background: none; }
            }
            """;

    private RosterHtmlWriter() {
    }

    /** One page per adult. */
    public static String render(List<Roster> rosters) {
        StringBuilder html = new StringBuilder(8192);
        Roster first = rosters.isEmpty() ? null : rosters.get(0);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>");
        if (first != null) {
            html.append(esc(rosters.size() == 1 ? "Roster: " + first.staff().displayName() : "Rosters"));
            if (first.date() != null) {
                html.append(" · ").append(esc(first.date().toString()));
            }
        }
        html.append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        for (Roster roster : rosters) {
            article(html, roster);
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void article(StringBuilder html, Roster r) {
        html.append("<article class=\"roster\">\n<header>\n<h1>").append(esc(r.staff().displayName()));
        if (r.staff().name() != null && !r.staff().name().isBlank()) {
            html.append(" <small>(").append(esc(r.staff().id())).append(")</small>");
        }
        html.append("</h1>\n<p>");
        String sep = "";
        if (r.school() != null) {
            html.append(esc(r.school()));
            sep = " · ";
        }
        if (r.date() != null) {
            html.append(sep).append("<time datetime=\"").append(esc(r.date().toString())).append("\">")
                    .append(esc(DAY.format(r.date()))).append("</time>");
        }
        html.append("</p>\n");
        if (r.stamp() != null) {
            html.append("<p class=\"stamp\">Version ").append(r.stamp().version()).append(" · ")
                    .append(esc(r.stamp().status())).append(" · made ")
                    .append(esc(r.stamp().madeAt().toString())).append("</p>\n");
            if (!r.changes().isEmpty()) {
                html.append("<p class=\"changes\">").append(r.changes().size()).append(r.changes().size() == 1
                        ? " change" : " changes").append(" since version ").append(r.stamp().since()).append(": ");
                String sep2 = "";
                for (var m : r.changes()) {
                    html.append(sep2).append(esc(m.studentId())).append(" in ").append(esc(m.blockId()))
                            .append(change(r.staff().id(), m));
                    sep2 = ", ";
                }
                html.append("</p>\n");
            }
        }
        html.append("</header>\n");
        for (BlockRoster b : r.blocks()) {
            block(html, b);
        }
        html.append("<footer>Plan ").append(esc(r.planId()));
        if (r.problemId() != null) {
            html.append(" · day ").append(esc(r.problemId()));
        }
        html.append(" · Regroup. Contains student names: keep it with staff.</footer>\n</article>\n");
    }

    /** What a move means for this adult's group. */
    private static String change(String staffId, org.regroup.domain.plan.PlanDiff.Move m) {
        boolean before = staffId.equals(m.staffBefore());
        boolean after = staffId.equals(m.staffAfter());
        return before && after ? " works on something else" : after ? " joins" : " leaves";
    }

    private static void block(StringBuilder html, BlockRoster b) {
        html.append("<table>\n<caption>").append(esc(b.blockId())).append(" · ")
                .append(esc(RosterMedia.time(b.start()))).append("–").append(esc(RosterMedia.time(b.end())))
                .append(" · <span class=\"what\">").append(esc(what(b))).append("</span></caption>\n");
        if (b.students().isEmpty()) {
            html.append("<tbody><tr><td class=\"none\">").append(esc(nobody(b))).append("</td></tr></tbody>\n");
        } else {
            html.append("<thead><tr><th scope=\"col\">✓</th><th scope=\"col\">Student</th>")
                    .append("<th scope=\"col\">Works on</th><th scope=\"col\">Accommodations</th></tr></thead>\n")
                    .append("<tbody>\n");
            for (Member m : b.students()) {
                html.append("<tr><td class=\"tick\"></td><td>").append(esc(m.displayName()));
                if (m.name() != null && !m.name().isBlank()) {
                    html.append(" <small>(").append(esc(m.id())).append(")</small>");
                }
                html.append("</td><td>").append(esc(m.focus() == null ? note(b) : RosterMedia.focus(m.focus())))
                        .append("</td><td>").append(esc(String.join(", ", m.accommodations()))).append("</td></tr>\n");
            }
            html.append("</tbody>\n");
        }
        html.append("</table>\n");
    }

    /** The caption's description of the block. */
    private static String what(BlockRoster b) {
        String where = b.space() == null ? "" : " · " + b.space().name();
        return switch (b.status()) {
            case GROUP -> b.session().modalityName() + (b.session().catchAll() ? " (catch-all)" : "") + " · "
                    + RosterMedia.groupFocus(b.session()) + where;
            case FREE -> "Free";
            case AWAY -> "Away";
            case COMMITMENT -> "Commitment" + (b.note() == null ? "" : ": " + b.note()) + where;
            case CATCH_ALL -> "Catch-all duty" + where;
            case TRAVEL -> "Travel" + (b.note() == null ? "" : " " + b.note());
        };
    }

    private static String nobody(BlockRoster b) {
        return switch (b.status()) {
            case FREE -> "No group this block.";
            case AWAY -> "Not working this block.";
            case CATCH_ALL -> "Nobody placed in the catch-all yet.";
            case TRAVEL -> "Travelling.";
            default -> "No students.";
        };
    }

    private static String note(BlockRoster b) {
        return b.note() == null ? "" : b.note();
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
