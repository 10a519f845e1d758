package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;

/**
 * One session being planned: an adult's group in a block (id {@code adult@block}, the id Regroup's day has for that
 * adult's slot), or a block's catch-all ({@code catch-all:space@block}).
 */
final class Group {

    final String id;
    final int block;
    /** The adult leading or supervising; for a catch-all its named supervisor, or null (the duty rota). */
    final Staff adult;
    final ModalitySpec mode;
    final Space room;
    final boolean catchAll;
    /** Most students it may hold: the modality's size and per-adult caps and the adult's own, or the catch-all's. */
    final int cap;
    /** For an off-site trip: the students planned to travel with it, the only ones who may join; null otherwise. */
    final Set<String> travellers;
    final List<Student> members;

    Group(String id, int block, Staff adult, ModalitySpec mode, Space room, boolean catchAll, int cap,
            Set<String> travellers, List<Student> members) {
        this.id = id;
        this.block = block;
        this.adult = adult;
        this.mode = mode;
        this.room = room;
        this.catchAll = catchAll;
        this.cap = cap;
        this.travellers = travellers;
        this.members = new ArrayList<>(members);
    }

    Group copy() {
        return new Group(id, block, adult, mode, room, catchAll, cap, travellers, members);
    }

    /** The whole group works on one focus (catch-alls never: each student on their own). */
    boolean shared() {
        return !catchAll && Modes.shared(mode);
    }

    /** Counts as staff-led time: a staff-led modality with one of the school's adults, not a catch-all. */
    boolean staffLed() {
        return !catchAll && adult != null && Modes.staffLed(mode);
    }

    /** An adult's supervised practice group (not a catch-all). */
    boolean practice() {
        return !catchAll && Modes.practice(mode);
    }

    int size() {
        return members.size();
    }

    boolean full() {
        return members.size() >= cap;
    }

    /** Below the modality's minimum size (catch-alls have none). */
    boolean belowMinimum() {
        return !catchAll && members.size() < mode.minSize();
    }

    @Override
    public String toString() {
        return id + "(" + mode.id() + ", " + members.size() + ")";
    }
}
