package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;

/**
 * A skill block, seat first. 1:1 time and then staff-led groups go to the students owed them, due first, each led by
 * the free adult who could seat the fewest in practice; a group gathers the students ready for the skill most of those
 * owed staff-led time share, up to its caps. A need not yet due is served only when it costs no seat: the block is
 * dry-run without and with it, and it stays only if no more students would be left without a seat. A due need is
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
                seatless = keepIfNoSeatLost(book, g, students, seatless, p.needs.oneToOneDue(s, book.block));
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
                fillUp(book, g, students, gatheringSkill(book, g, s, students));
                seatless = keepIfNoSeatLost(book, g, students, seatless, p.needs.staffLedDue(s, book.block));
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

    /**
     * Of the skills the student could share with a group of this adult, the one most students still owed staff-led
     * time (due first), then most students, are ready for: the group gathers them.
     */
    private String gatheringSkill(BlockBook book, Group g, Student s, List<Student> students) {
        List<Student> unseated = Planning.unseated(book, students);
        String best = null;
        int[] bestCount = null;
        for (Option o : p.reach.options(s, book.block).values()) {
            if (!p.focus.runsIn(o, g.mode) || !p.focus.qualifiedToTeach(g, o.id())) {
                continue;
            }
            int[] count = new int[3]; // {due, owed, anyone} ready for it
            for (Student c : unseated) {
                if (p.reach.eligible(c, book.block, o.id())) {
                    count[0] += p.needs.staffLedDue(c, book.block) ? 1 : 0;
                    count[1] += p.needs.staffLedOwed(c) > 0 ? 1 : 0;
                    count[2]++;
                }
            }
            if (best == null || java.util.Arrays.compare(count, bestCount) > 0) {
                best = o.id();
                bestCount = count;
            }
        }
        return best;
    }

    /**
     * Students ready for the skill join up to the group's caps — those who need quiet, then those owed staff-led time
     * — as long as the group's focus stays one all its members are ready for.
     */
    private void fillUp(BlockBook book, Group g, List<Student> students, String skill) {
        for (Student c : Planning.quietFirst(Planning.unseated(book, students), p.needs, book.block)) {
            if (g.full()) {
                return;
            }
            if (p.reach.eligible(c, book.block, skill) && p.rules.accepts(book, g, c)) { // the cheap test first
                book.seat(g, c);
            }
        }
    }

    /**
     * Keeps the new group if its need is due or if no student more is left without a seat for it; else undoes it.
     * Returns the block's seatless count from now on.
     */
    private int keepIfNoSeatLost(BlockBook book, Group g, List<Student> students, int seatlessBefore, boolean due) {
        int seatlessAfter = practice.seatless(book, students);
        if (due || seatlessAfter <= seatlessBefore) {
            return seatlessAfter;
        }
        new ArrayList<>(g.members).forEach(book::unseat); // the last one closes the group
        return seatlessBefore;
    }
}
