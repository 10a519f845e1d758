package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;

/**
 * A skill block, seat first. 1:1 time and then staff-led groups go to the students owed them, most urgent first, each
 * led by the free adult who could seat the fewest in practice; a group is filled with other students ready for its
 * skill up to its caps. A need that later blocks could still meet is served only when it costs no seat: the block is
 * dry-run without and with it, and it stays only if no more students would be left without a seat. An urgent need is
 * served regardless. Everyone else then gets supervised practice, groups are filled to their minimum size, and the
 * catch-all takes whoever is left.
 */
final class SkillBlock {

    private final Planning p;
    private final Practice practice;
    private final MinimumFill minimumFill;

    SkillBlock(Planning p) {
        this.p = p;
        this.practice = new Practice(p);
        this.minimumFill = new MinimumFill(p);
    }

    void plan(BlockBook book) {
        List<Student> students = p.toSeat(book.block);
        oneToOne(book, students);
        staffLedGroups(book, students);
        List<Student> left = practice.practice(book, Planning.unseated(book, students));
        left = minimumFill.fill(book, left);
        practice.catchAll(book, left);
    }

    private void oneToOne(BlockBook book, List<Student> students) {
        int seatless = practice.seatless(book, students);
        for (Student s : p.needs.byOneToOneUrgency(Planning.unseated(book, students), book.block)) {
            Group g = openOneToOne(book, s);
            if (g != null) {
                seatless = keepIfNoSeatLost(book, g, students, seatless, p.needs.oneToOneUrgent(s, book.block));
            }
        }
    }

    private Group openOneToOne(BlockBook book, Student s) {
        for (Staff a : p.openings.leastSeatsFirst(book)) {
            for (ModalitySpec m : p.facts.modes(a, book.block)) {
                if (Modes.oneToOne(m)) {
                    Group g = p.openings.openWith(book, a, m, s);
                    if (g != null) {
                        return g;
                    }
                }
            }
        }
        return null;
    }

    private void staffLedGroups(BlockBook book, List<Student> students) {
        int seatless = practice.seatless(book, students);
        for (Student s : p.needs.byStaffLedUrgency(Planning.unseated(book, students), book.block)) {
            if (book.seated(s) || joinStaffLed(book, s)) {
                continue;
            }
            Group g = openStaffLed(book, s);
            if (g != null) {
                fillUp(book, g, students);
                seatless = keepIfNoSeatLost(book, g, students, seatless, p.needs.staffLedUrgent(s, book.block));
            }
        }
    }

    private boolean joinStaffLed(BlockBook book, Student s) {
        for (Group g : book.groups()) {
            if (g.staffLed() && g.shared() && p.rules.accepts(book, g, s)) {
                book.seat(g, s);
                return true;
            }
        }
        return false;
    }

    /** A staff-led group on a skill the student is ready for: the adult who could seat fewest, the roomiest modality. */
    private Group openStaffLed(BlockBook book, Student s) {
        for (Staff a : p.openings.leastSeatsFirst(book)) {
            List<ModalitySpec> modes = new ArrayList<>(p.facts.modes(a, book.block).stream()
                    .filter(m -> Modes.staffLed(m) && Modes.shared(m) && !Modes.offSite(m) && !Modes.oneToOne(m))
                    .toList());
            modes.sort(Comparator.comparingInt((ModalitySpec m) -> -Modes.cap(m, a.maxStudents()))
                    .thenComparingInt(ModalitySpec::minSize));
            for (ModalitySpec m : modes) {
                Group g = p.openings.openWith(book, a, m, s);
                if (g != null) {
                    return g;
                }
            }
        }
        return null;
    }

    /** Students ready for the group's skill join up to its caps: those who need quiet, then those owed staff-led time. */
    private void fillUp(BlockBook book, Group g, List<Student> students) {
        List<Student> candidates = Planning.quietFirst(Planning.unseated(book, students), p.needs, book.block);
        String focus = p.focus.sharedFocus(g, g.members);
        for (Student c : candidates) {
            if (g.full()) {
                return;
            }
            // Only students ready for the group's skill can join it: the cheap test first.
            if (p.reach.eligible(c, book.block, focus) && p.rules.accepts(book, g, c)) {
                book.seat(g, c);
                focus = p.focus.sharedFocus(g, g.members);
            }
        }
    }

    /**
     * Keeps the new group if its need is urgent or if no student more is left without a seat for it; else undoes it.
     * Returns the block's seatless count from now on.
     */
    private int keepIfNoSeatLost(BlockBook book, Group g, List<Student> students, int seatlessBefore, boolean urgent) {
        int seatlessAfter = practice.seatless(book, students);
        if (urgent || seatlessAfter <= seatlessBefore) {
            return seatlessAfter;
        }
        new ArrayList<>(g.members).forEach(book::unseat); // the last one closes the group
        return seatlessBefore;
    }
}
