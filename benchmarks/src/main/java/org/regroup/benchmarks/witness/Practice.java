package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.School;
import org.regroup.domain.Student;
import org.regroup.domain.catalog.ModalityCatalog;

/**
 * Seats for everyone: supervised practice (online practice in rooms with computers, independent practice anywhere),
 * each new group with the adult and the space that seat the most students, students who need quiet first; then the
 * catch-all. The same routine, run on a copy of the block, answers the seat-first question: would everyone still
 * have a seat if this group were formed?
 */
final class Practice {

    private final Planning p;

    Practice(Planning p) {
        this.p = p;
    }

    /** How many of {@code students} would find no seat at all, were the block finished now (the book is untouched). */
    int seatless(BlockBook book, List<Student> students) {
        BlockBook scratch = book.copy();
        return catchAll(scratch, practice(scratch, Planning.unseated(book, students))).size();
    }

    /** Seats whom it can in practice groups; returns the others. */
    List<Student> practice(BlockBook book, List<Student> students) {
        List<Student> ordered = new ArrayList<>(students.stream()
                .filter(s -> s.accommodationsOrNone().quietSpace()).toList());
        students.stream().filter(s -> !s.accommodationsOrNone().quietSpace()).forEach(ordered::add);
        List<Student> left = new ArrayList<>();
        for (Student s : ordered) {
            if (!book.seated(s) && !joinOpen(book, s) && !openNew(book, s)) {
                left.add(s);
            }
        }
        return left;
    }

    private boolean joinOpen(BlockBook book, Student s) {
        for (Group g : book.groups()) {
            if (g.practice() && p.rules.accepts(book, g, s)) {
                book.seat(g, s);
                return true;
            }
        }
        return false;
    }

    /** A new practice group for the student: the adult, modality and space that seat the most. */
    private boolean openNew(BlockBook book, Student s) {
        boolean quiet = s.accommodationsOrNone().quietSpace();
        for (Openings.Choice c : p.openings.byMostSeats(book, m -> Modes.practice(m) && !(Modes.online(m)
                && onlineSpent(s)), quiet)) {
            if (p.openings.openWith(book, c.adult(), c.mode(), s) != null) {
                return true;
            }
        }
        return false;
    }

    private boolean onlineSpent(Student s) {
        Integer max = s.accommodationsOrNone().maxOnlineBlocks();
        return max != null && p.ledger.onlineBlocks(s) >= max;
    }

    /** The last resort: the block's catch-alls, in the school's order. Returns those still without a seat. */
    List<Student> catchAll(BlockBook book, List<Student> students) {
        List<Student> left = new ArrayList<>();
        for (Student s : students) {
            if (!book.seated(s) && !intoCatchAll(book, s)) {
                left.add(s);
            }
        }
        return left;
    }

    private boolean intoCatchAll(BlockBook book, Student s) {
        for (School.CatchAll c : p.facts.catchAlls(book.block)) {
            Group g = book.groups().stream().filter(x -> x.catchAll && x.room.id().equals(c.spaceId())).findFirst()
                    .orElse(null);
            boolean opened = g == null;
            if (opened) {
                g = book.openCatchAll(c, p.facts.catalog.get(ModalityCatalog.INDEPENDENT_PRACTICE));
            }
            if (p.rules.accepts(book, g, s)) {
                book.seat(g, s);
                return true;
            }
            if (opened) {
                book.close(g);
            }
        }
        return false;
    }
}
