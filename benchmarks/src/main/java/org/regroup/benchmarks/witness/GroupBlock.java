package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.Student;

/**
 * An advisory or activity block: everyone works in groups (staff-led in the standard catalog), so seating everyone is
 * filling groups. Students who need a quiet space are seated first (quiet rooms are few), then those owed staff-led
 * time, most urgent first; each joins the first group that takes them, else opens one with the free adult and
 * modality that seat the most. Groups are then filled to their
 * minimum size and the catch-all takes whoever is left.
 */
final class GroupBlock {

    private final Planning p;
    private final Practice practice;
    private final MinimumFill minimumFill;

    GroupBlock(Planning p) {
        this.p = p;
        this.practice = new Practice(p);
        this.minimumFill = new MinimumFill(p);
    }

    void plan(BlockBook book) {
        List<Student> order = Planning.quietFirst(p.toSeat(book.block), p.needs, book.block);
        List<Student> left = new ArrayList<>();
        for (Student s : order) {
            if (!book.seated(s) && !join(book, s) && !open(book, s)) {
                left.add(s);
            }
        }
        left = minimumFill.fill(book, left);
        practice.catchAll(book, left);
    }

    private boolean join(BlockBook book, Student s) {
        for (Group g : book.groups()) {
            if (!g.catchAll && p.rules.accepts(book, g, s)) {
                book.seat(g, s);
                return true;
            }
        }
        return false;
    }

    /** A new group for the student: the adult, modality and space that seat the most. */
    private boolean open(BlockBook book, Student s) {
        for (Openings.Choice c : p.openings.byMostSeats(book, m -> !Modes.offSite(m),
                s.accommodationsOrNone().quietSpace())) {
            if (p.openings.openWith(book, c.adult(), c.mode(), s) != null) {
                return true;
            }
        }
        return false;
    }
}
