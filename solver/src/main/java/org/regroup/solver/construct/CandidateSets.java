package org.regroup.solver.construct;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;

import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * Whether a session is among a student's candidates, by session index. A block's builders ask this for every waiting
 * student in every round, and the candidate list grows with the school (a 3,000-student block has three times the
 * sessions), so scanning it made their rounds quadratic. Built per student on first use.
 */
final class CandidateSets {

    private final Map<Placement, BitSet> sets = new IdentityHashMap<>();

    boolean contains(Placement p, Session s) {
        return sets.computeIfAbsent(p, x -> {
            BitSet set = new BitSet();
            x.getCandidates().forEach(c -> set.set(c.getIndex()));
            return set;
        }).get(s.getIndex());
    }
}
