package org.regroup.solver.explain;

import java.util.ArrayList;
import java.util.List;

import org.regroup.solver.model.Option;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * Why a student has no session in a block, told from the sessions they could have joined: the plan says who was not
 * placed and why, so the scheduler knows what to change (an adult, a room, a catch-all).
 */
public final class UnplacedReasons {

    private UnplacedReasons() {
    }

    public static List<String> of(Placement p) {
        List<Session> candidates = p.getCandidates();
        if (candidates.isEmpty()) {
            return List.of("no adult available in block " + p.getPeriod().getId()
                    + " may teach or supervise anything " + p.getLearner().getId()
                    + " is ready for, and no catch-all covers the block");
        }
        int full = 0;
        int otherFocus = 0;
        int noRoom = 0;
        int closed = 0;
        int keepApart = 0;
        for (Session s : candidates) {
            if (!s.isOpen()) {
                if (s.getRoom() == null) {
                    noRoom++;
                } else {
                    closed++;
                }
                continue;
            }
            if (s.size() >= Math.min(s.groupCap(), s.adultCap())) {
                full++;
            } else if (s.getSummary().getMembers().stream().anyMatch(m -> p.getLearner().getKeepApart()
                    .contains(m.learner()))) {
                keepApart++;
            } else if (s.getSummary().getFocus() != null && !fits(p, s)) {
                otherFocus++;
            }
        }
        List<String> reasons = new ArrayList<>();
        if (full > 0) {
            reasons.add(full + " of the " + candidates.size() + " sessions they could join are full");
        }
        if (otherFocus > 0) {
            reasons.add(otherFocus + " open groups work on skills they are not ready for");
        }
        if (keepApart > 0) {
            reasons.add(keepApart + " open groups hold a student they must be kept apart from");
        }
        if (noRoom > 0) {
            reasons.add(noRoom + " adults who could take them have no free space");
        }
        if (closed > 0) {
            reasons.add(closed + " adults who could take them are not running a group (teaching-block limits, "
                    + "group minimum sizes, or their time is needed elsewhere)");
        }
        if (reasons.isEmpty()) {
            reasons.add("placing them anywhere would break a hard rule (see the score analysis)");
        }
        return reasons;
    }

    private static boolean fits(Placement p, Session s) {
        Option option = p.getLearner().option(p.getPeriod(), s.getSummary().getFocus());
        return option != null && option.eligible();
    }
}
