package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Request;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;

/**
 * The first thing in every block: the trips planned for it and the admin-required requests it must honour. A request
 * naming an adult seats the student in that adult's group, opened in a modality that suits the student (1:1 when they
 * are owed 1:1 time, a staff-led group when owed staff-led time, else practice); one naming no adult takes any group
 * that honours it, or opens one with any free adult.
 */
final class RequiredSeats {

    private final Planning p;

    RequiredSeats(Planning p) {
        this.p = p;
    }

    void seat(BlockBook book) {
        for (Requirements.Trip trip : p.requirements.trips(book.block)) {
            if (!book.adultFree(trip.adult())) {
                continue;
            }
            Set<String> travellers = new HashSet<>();
            trip.travellers().forEach(s -> travellers.add(s.id()));
            Group g = book.open(trip.adult(), trip.mode(), trip.room(), travellers);
            for (Student s : trip.travellers()) {
                if (p.rules.accepts(book, g, s)) {
                    book.seat(g, s);
                }
            }
            if (g.members.isEmpty()) {
                book.close(g);
            }
        }
        for (Requirements.Requirement r : p.requirements.in(book.block)) {
            Student s = r.student();
            if (!book.seated(s) && !p.ledger.travelling(s, book.block)) {
                seat(book, r.request(), s);
            }
        }
    }

    private void seat(BlockBook book, Request r, Student s) {
        Staff named = r.staffId() == null ? null : p.facts.staff(r.staffId());
        if (named != null) {
            Group g = book.groupOf(named);
            if (g != null) {
                if (p.rules.accepts(book, g, s)) {
                    book.seat(g, s);
                }
            } else if (p.ledger.available(named, book.block)) {
                open(book, named, r, s);
            }
            return;
        }
        for (Group g : book.groups()) {
            if (!g.catchAll && p.rules.accepts(book, g, s)) {
                book.seat(g, s);
                return;
            }
        }
        for (Staff a : p.openings.leastSeatsFirst(book)) {
            if (open(book, a, r, s)) {
                return;
            }
        }
    }

    private boolean open(BlockBook book, Staff adult, Request r, Student s) {
        for (ModalitySpec m : modesFor(adult, r, s, book.block)) {
            if (p.openings.openWith(book, adult, m, s) != null) {
                return true;
            }
        }
        return false;
    }

    /** On site; the one the request names, else 1:1, staff-led or practice first as the student is owed. */
    private List<ModalitySpec> modesFor(Staff adult, Request r, Student s, int block) {
        List<ModalitySpec> modes = new ArrayList<>(p.facts.modes(adult, block).stream()
                .filter(m -> !Modes.offSite(m) && (r.modality() == null || r.modality().equals(m.id()))).toList());
        boolean owesOneToOne = p.needs.oneToOneOwed(s) > 0;
        boolean owesStaffLed = p.needs.staffLedOwed(s) > 0;
        modes.sort(java.util.Comparator.comparingInt((ModalitySpec m) -> {
            if (Modes.oneToOne(m)) {
                return owesOneToOne ? 0 : 4;
            }
            if (Modes.staffLed(m)) {
                return owesStaffLed ? 1 : 3;
            }
            return 2;
        }).thenComparing(m -> -Modes.cap(m, adult.maxStudents())));
        return modes;
    }
}
