package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.Student;

/**
 * Groups below their modality's minimum size (a medium rule) take students who still have no seat, then students from
 * groups that stay at or above their own minimum — never out of a staff-led group into one that is not, never a
 * student an admin-required request puts where they are, never anyone on a trip.
 */
final class MinimumFill {

    private final Planning p;

    MinimumFill(Planning p) {
        this.p = p;
    }

    /** Fills what it can; returns the students still without a seat. */
    List<Student> fill(BlockBook book, List<Student> seatless) {
        List<Student> left = new ArrayList<>(seatless);
        for (Group g : new ArrayList<>(book.groups())) {
            if (!g.belowMinimum() || g.travellers != null || g.members.isEmpty()) {
                continue;
            }
            for (Student s : new ArrayList<>(left)) {
                if (!g.belowMinimum()) {
                    break;
                }
                if (p.rules.accepts(book, g, s)) {
                    book.seat(g, s);
                    left.remove(s);
                }
            }
            for (Group donor : new ArrayList<>(book.groups())) {
                if (!g.belowMinimum()) {
                    break;
                }
                if (mayGive(donor, g)) {
                    takeFrom(book, donor, g);
                }
            }
        }
        return left;
    }

    private boolean mayGive(Group donor, Group g) {
        return donor != g && !donor.catchAll && donor.travellers == null && donor.size() > donor.mode.minSize()
                && !(donor.staffLed() && !g.staffLed());
    }

    private void takeFrom(BlockBook book, Group donor, Group g) {
        for (Student m : new ArrayList<>(donor.members)) {
            if (!g.belowMinimum() || donor.size() <= donor.mode.minSize()) {
                return;
            }
            if (p.requirements.any(m, book.block) || !p.rules.holdsWithout(donor, m)) {
                continue;
            }
            book.unseat(m);
            book.seat(p.rules.accepts(book, g, m) ? g : donor, m);
        }
    }
}
