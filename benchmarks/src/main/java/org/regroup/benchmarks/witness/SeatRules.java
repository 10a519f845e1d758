package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.Accommodations;
import org.regroup.domain.Activity;
import org.regroup.domain.FocusKind;
import org.regroup.domain.Student;

/**
 * May this student join this group? Every hard rule about one session, checked on the group as it would be with them
 * (docs/format.md, "Rules and weights"): size and per-adult caps, space capacity, quiet space, staying on site,
 * trips, screen time, keep-apart, and — on the focus the group would then work on — readiness and reach,
 * qualification, the activity's place, and the admin-required requests of everyone in it. Rules about the whole day
 * (staff-led blocks, 1:1 minutes, teaching blocks, travel) are kept by the planners and the {@link Ledger}.
 */
final class SeatRules {

    private final DayFacts facts;
    private final Reach reach;
    private final FocusRule focus;
    private final Ledger ledger;
    private final Requirements requirements;

    SeatRules(DayFacts facts, Reach reach, FocusRule focus, Ledger ledger, Requirements requirements) {
        this.facts = facts;
        this.reach = reach;
        this.focus = focus;
        this.ledger = ledger;
        this.requirements = requirements;
    }

    boolean accepts(BlockBook book, Group g, Student s) {
        Accommodations needs = s.accommodationsOrNone();
        if (g.full() || book.roomLeft(g.room) < 1 || book.seated(s)) {
            return false;
        }
        if (needs.quietSpace() && !DayFacts.quiet(g.room) || needs.noOffSite() && g.room.offSite()) {
            return false;
        }
        if (g.room.offSite() && (g.travellers == null || !g.travellers.contains(s.id()))) {
            return false; // only the students planned to travel with a trip go off site
        }
        if (Modes.online(g.mode) && needs.maxOnlineBlocks() != null
                && ledger.onlineBlocks(s) >= needs.maxOnlineBlocks()) {
            return false;
        }
        for (Student m : g.members) {
            if (facts.keepApart(s).contains(m.id())) {
                return false;
            }
        }
        if (!g.shared() && reach.best(s, g.block) == null) {
            return false; // nothing they may work on on their own
        }
        List<Student> with = new ArrayList<>(g.members);
        with.add(s);
        // Where each works on their own, the others' foci do not change: only the newcomer's requests need a look.
        return g.shared() ? holds(g, with) : requestsHonoured(g, with, List.of(s));
    }

    /** The group still breaks no rule without this member (before moving them elsewhere). */
    boolean holdsWithout(Group g, Student m) {
        List<Student> without = new ArrayList<>(g.members);
        without.remove(m);
        return without.isEmpty() || holds(g, without);
    }

    /** The focus-dependent rules for a group with these members. */
    boolean holds(Group g, List<Student> members) {
        return (!g.shared() || sharedFocusHolds(g, members)) && requestsHonoured(g, members, members);
    }

    /** The admin-required requests of {@code who} (members of the group) are honoured by the group. */
    private boolean requestsHonoured(Group g, List<Student> members, List<Student> who) {
        for (Student m : who) {
            if (requirements.any(m, g.block)) {
                String theirs = focus.focusOf(g, members, m);
                for (Requirements.Requirement r : requirements.of(m, g.block)) {
                    if (!Requirements.honours(r.request(), g, theirs)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Every member ready for the group's focus and within reach of it, the adult qualified, the place right. */
    private boolean sharedFocusHolds(Group g, List<Student> members) {
        String f = focus.sharedFocus(g, members);
        if (f == null || !focus.qualifiedToTeach(g, f)) {
            return false;
        }
        for (Student m : members) {
            if (!reach.eligible(m, g.block, f)) {
                return false;
            }
        }
        if (facts.block(g.block).kindOrDefault().focusKind() == FocusKind.ACTIVITY) {
            Activity a = facts.activity(f);
            return a.spaces().isEmpty() || a.spaces().contains(g.room.id());
        }
        return true;
    }
}
