package org.regroup.rest.roster;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.regroup.domain.plan.PlanDiff;
import org.regroup.rest.pages.Pages;
import org.regroup.rest.roster.Roster.BlockRoster;
import org.regroup.rest.roster.Roster.Member;

/**
 * A roster as a printable HTML page (template {@code roster/rosters.jte}): the school and date, then a table per
 * block (who, on what, what to honour), with a tick column for attendance. Print CSS keeps each block's table on one
 * page and starts each adult on a new page; no JavaScript (and a Content-Security-Policy that allows none); the
 * template escapes every value. The public methods below are the words the template uses.
 */
public final class RosterHtmlWriter {

    /** Nothing but the page's own styles may load or run. */
    static final String CSP = Pages.CSP;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    private RosterHtmlWriter() {
    }

    /** One page per adult. */
    public static String render(List<Roster> rosters) {
        return Pages.render("roster/rosters.jte", Map.of("rosters", rosters));
    }

    /** "Roster: Ms Diaz · 2026-11-23", "Rosters · …"; empty for no roster. */
    public static String title(List<Roster> rosters) {
        if (rosters.isEmpty()) {
            return "";
        }
        Roster first = rosters.get(0);
        String title = rosters.size() == 1 ? "Roster: " + first.staff().displayName() : "Rosters";
        return first.date() == null ? title : title + " · " + first.date();
    }

    /** A name worth showing beside the id. */
    public static boolean named(String name) {
        return name != null && !name.isBlank();
    }

    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    public static String hours(BlockRoster b) {
        return RosterMedia.time(b.start()) + "–" + RosterMedia.time(b.end());
    }

    /** "2 changes since version 1: S01 in B2 joins, S02 in B3 leaves". */
    public static String changes(Roster r) {
        StringBuilder s = new StringBuilder().append(r.changes().size())
                .append(r.changes().size() == 1 ? " change" : " changes").append(" since version ")
                .append(r.stamp().since()).append(": ");
        String sep = "";
        for (PlanDiff.Move m : r.changes()) {
            s.append(sep).append(m.studentId()).append(" in ").append(m.blockId()).append(change(r.staff().id(), m));
            sep = ", ";
        }
        return s.toString();
    }

    /** What a move means for this adult's group. */
    private static String change(String staffId, PlanDiff.Move m) {
        boolean before = staffId.equals(m.staffBefore());
        boolean after = staffId.equals(m.staffAfter());
        return before && after ? " works on something else" : after ? " joins" : " leaves";
    }

    /** The caption's description of the block. */
    public static String what(BlockRoster b) {
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

    public static String nobody(BlockRoster b) {
        return switch (b.status()) {
            case FREE -> "No group this block.";
            case AWAY -> "Not working this block.";
            case CATCH_ALL -> "Nobody placed in the catch-all yet.";
            case TRAVEL -> "Travelling.";
            default -> "No students.";
        };
    }

    /** What a student works on: their focus, else the block's note. */
    public static String worksOn(Member m, BlockRoster b) {
        if (m.focus() != null) {
            return RosterMedia.focus(m.focus());
        }
        return b.note() == null ? "" : b.note();
    }
}
