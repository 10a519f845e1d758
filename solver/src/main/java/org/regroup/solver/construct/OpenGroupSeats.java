package org.regroup.solver.construct;

import java.util.Comparator;
import java.util.List;

import org.regroup.domain.BlockKind;
import org.regroup.solver.construct.DayConstructor.BlockBuilder;
import org.regroup.solver.construct.DayConstructor.Group;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Placement;

/**
 * Seats students without a seat in groups that are already running (a revised plan): the least disruptive repair,
 * since no adult, modality or room changes. Students with the fewest possible sessions choose first. Among the groups
 * with a free seat that they may join, each takes the one they would rank first: their advisor's in advisory; then a
 * staff-led group when they are still owed staff-led time; then the skill or activity they prefer most (in a
 * practice modality they work on their own best); ties go to an adult-led group, then the session id. Those left
 * waiting are for the block's usual builder.
 */
final class OpenGroupSeats {

    /** The rank of a group a student may not join. */
    private static final long NO = Long.MIN_VALUE;

    private final BlockBuilder block;

    OpenGroupSeats(BlockBuilder block) {
        this.block = block;
    }

    void seat() {
        seat(false);
    }

    /**
     * The block's last word, once its builder has opened every group it will: students still without a seat take
     * any running group that suits them, or one whose member can move to make room (a student kept apart from
     * everyone in the practice group with a seat, say), staff-led time or not.
     */
    void seatAnywhere() {
        seat(true);
    }

    private void seat(boolean anywhere) {
        List<Placement> students = block.waiting().stream()
                .sorted(Comparator.comparingInt((Placement p) -> p.getCandidates().size())
                        .thenComparingInt(p -> p.getLearner().getIndex()))
                .toList();
        for (Placement p : students) {
            Group best = null;
            long bestRank = NO;
            for (Group g : block.openGroups()) {
                long rank = rank(p, g);
                if (rank > bestRank) {
                    bestRank = rank;
                    best = g;
                }
            }
            boolean owed = owesStaffLed(p);
            boolean seated = best != null && (!owed || best.isStaffLed()) && block.join(best, p);
            if (!seated && owed) {
                seated = makeRoom(p, true);
            }
            if (!seated && anywhere && best != null) {
                seated = block.join(best, p);
            }
            if (!seated && (best == null || anywhere)) {
                makeRoom(p, false);
            }
            // Still owed staff-led time while only groups without an adult leading have a seat: they wait for the
            // block's builder, which may open an adult-led group with someone free, and seats them anywhere if not.
        }
    }

    /**
     * No running group has a free seat this student may take (the quiet rooms are full, say): one member of a group
     * they could join moves to another running group with a seat, and the student takes the seat it frees. One
     * student moved costs less than one left without a group.
     */
    private boolean makeRoom(Placement p, boolean staffLedOnly) {
        // A 1:1 is one student's time with an adult: nobody is moved out of it.
        List<Group> wanted = block.openGroups().stream().filter(g -> !g.mode.isOneToOne()
                && (!staffLedOnly || g.isStaffLed()) && NO != preference(p, g))
                .sorted(Comparator.comparingLong((Group g) -> -preference(p, g))).toList();
        for (Group g : wanted) {
            for (Placement member : List.copyOf(g.members)) {
                if (member.isPinned() || member.getLearner().isQuietSpace() && !p.getLearner().isQuietSpace()) {
                    continue;
                }
                // Someone owed staff-led time keeps an adult-led group.
                boolean keepsStaffLed = g.isStaffLed() && member.getLearner().getMinStaffLedBlocks() > 0;
                Group elsewhere = null;
                long bestRank = NO;
                for (Group h : block.openGroups()) {
                    long rank = h == g || keepsStaffLed && !h.isStaffLed() ? NO : rank(member, h);
                    if (rank > bestRank) {
                        bestRank = rank;
                        elsewhere = h;
                    }
                }
                if (elsewhere == null) {
                    continue;
                }
                block.leave(g, member);
                block.join(elsewhere, member); // it has a seat there: rank said so
                return block.join(g, p); // the seat it freed
            }
        }
        return false;
    }

    /** Still owed staff-led time: the seats they keep all day give less than their minimum. */
    private boolean owesStaffLed(Placement p) {
        return p.getLearner().getMinStaffLedBlocks() > block.state().of(p.getLearner()).staffLed;
    }

    /** How much the student would want this group; {@link #NO} when they may not join it or it has no free seat. */
    private long rank(Placement p, Group g) {
        return g.isFull() || block.rooms().freeSeats(g.room) <= 0 ? NO : preference(p, g);
    }

    /** As {@link #rank} whether or not the group has a free seat. */
    private long preference(Placement p, Group g) {
        Learner l = p.getLearner();
        if (g.session.isCatchAll() || !p.isCandidate(g.session) || (l.isQuietSpace() && !g.room.isQuiet())
                || (l.isNoOffSite() && g.mode.isOffSite()) || !g.acceptsKeepApart(l)
                || (g.mode.isOnline() && block.state().of(l).online >= l.getMaxOnlineBlocks())) {
            return NO;
        }
        Option option = g.mode.isSharedFocus() ? (g.focus == null ? null : l.option(block.period(), g.focus))
                : l.best(block.period());
        if (option == null || !option.eligible()) {
            return NO;
        }
        boolean staffLed = g.isStaffLed();
        boolean advisor = block.period().getKind() == BlockKind.ADVISORY && g.session.getAdult() == l.getAdvisor();
        // preference() uses the low 45 bits: the flags above it decide first, in this order.
        return (advisor ? 1L << 50 : 0) + (owesStaffLed(p) && staffLed ? 1L << 48 : 0) + (option.preference() << 1)
                + (staffLed ? 1 : 0);
    }
}
