package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;

/** Opening a new group: which adults are still free, and which space suits it. */
final class Openings {

    /** An adult in a modality, with the students they could take in the roomiest space that suits it. */
    record Choice(Staff adult, ModalitySpec mode, int seats, boolean spare) {
    }

    /** Adults who cost no later block first, then the most seats, then the smaller minimum size; staff order last. */
    private static final Comparator<Choice> MOST_SEATS = Comparator.comparing((Choice c) -> !c.spare())
            .thenComparing(c -> -c.seats()).thenComparingInt(c -> c.mode().minSize());

    private final Planning p;

    Openings(Planning p) {
        this.p = p;
    }

    /** Adults who may still take a group in the block: working, not travelling, not yet busy, within contract. */
    List<Staff> freeAdults(BlockBook book) {
        List<Staff> free = new ArrayList<>();
        for (Staff a : p.facts.problem.staff()) {
            if (book.adultFree(a) && p.ledger.available(a, book.block) && p.ledger.canTeach(a, book.block)
                    && !p.facts.modes(a, book.block).isEmpty()) {
                free.add(a);
            }
        }
        return free;
    }

    /** Adults in the order to spend them on one student or a small group: those who could seat fewest first. */
    List<Staff> leastSeatsFirst(BlockBook book) {
        List<Staff> free = new ArrayList<>(freeAdults(book));
        free.sort(Comparator.comparingInt((Staff a) -> practiceSeats(a, book.block))
                .thenComparing(a -> p.ledger.spare(a, book.block) ? 0 : 1));
        return free;
    }

    /** Most students the adult could supervise in practice in the block (0 when they may not). */
    int practiceSeats(Staff a, int block) {
        int most = 0;
        for (ModalitySpec m : p.facts.modes(a, block)) {
            if (Modes.practice(m)) {
                most = Math.max(most, Modes.cap(m, a.maxStudents()));
            }
        }
        return most;
    }

    /**
     * The space for a new group of the modality expecting up to {@code wanted} students: open, suitable, with a group's
     * place and seats left (quiet when a member needs it). Most seats first, then the fewest features the group does not
     * need (labs are kept for online practice, quiet rooms for those who need quiet), then the tightest fit.
     */
    Space room(BlockBook book, ModalitySpec mode, int wanted, boolean quiet) {
        Space best = null;
        int[] bestKey = null;
        for (Space r : p.facts.problem.spaces()) {
            if (!p.facts.usable(r, book.block) || !DayFacts.fits(r, mode) || !book.hasGroupPlace(r)
                    || book.roomLeft(r) < 1 || quiet && !DayFacts.quiet(r)) {
                continue;
            }
            int left = book.roomLeft(r);
            int unneeded = (int) r.features().stream()
                    .filter(f -> !Modes.requiredFeatures(mode).contains(f) && !(quiet && f.equals(DayFacts.QUIET)))
                    .count();
            int[] key = {-Math.min(wanted, left), unneeded, left};
            if (best == null || compare(key, bestKey) < 0) {
                best = r;
                bestKey = key;
            }
        }
        return best;
    }

    /** Every free adult in every allowed modality that could seat someone now, best first ({@link #MOST_SEATS}). */
    List<Choice> byMostSeats(BlockBook book, Predicate<ModalitySpec> allowed, boolean quiet) {
        Map<String, Integer> roomiest = new HashMap<>();
        List<Choice> choices = new ArrayList<>();
        for (Staff a : freeAdults(book)) {
            boolean spare = p.ledger.spare(a, book.block);
            for (ModalitySpec m : p.facts.modes(a, book.block)) {
                if (allowed.test(m)) {
                    int room = roomiest.computeIfAbsent(m.id(), k -> roomiest(book, m, quiet));
                    int seats = Math.min(Modes.cap(m, a.maxStudents()), room);
                    if (seats > 0) {
                        choices.add(new Choice(a, m, seats, spare));
                    }
                }
            }
        }
        choices.sort(MOST_SEATS);
        return choices;
    }

    /** Seats left in the roomiest space a new group of the modality could use. */
    int roomiest(BlockBook book, ModalitySpec mode, boolean quiet) {
        Space r = room(book, mode, Integer.MAX_VALUE, quiet);
        return r == null ? 0 : book.roomLeft(r);
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    /**
     * Opens the adult's group in the modality with the student as its first member, in the best space for it; undone
     * (null) when no space suits or the student may not join it.
     */
    Group openWith(BlockBook book, Staff adult, ModalitySpec mode, Student first) {
        Space room = room(book, mode, Modes.cap(mode, adult.maxStudents()),
                first.accommodationsOrNone().quietSpace());
        if (room == null) {
            return null;
        }
        Group g = book.open(adult, mode, room, null);
        if (p.rules.accepts(book, g, first)) {
            book.seat(g, first);
            return g;
        }
        book.close(g);
        return null;
    }
}
