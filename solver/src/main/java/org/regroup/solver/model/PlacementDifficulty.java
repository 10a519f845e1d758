package org.regroup.solver.model;

import java.util.Comparator;

/**
 * Easier placements sort first (the construction heuristic places the hardest first): a student with whole-day
 * accommodations or pins, or with few sessions to choose from, is harder to place.
 */
public final class PlacementDifficulty implements Comparator<Placement> {

    private static final Comparator<Placement> ORDER = Comparator
            .comparingInt((Placement p) -> p.getLearner().hasDayAccommodations() ? 1 : 0)
            .thenComparingInt(p -> p.getLearner().isQuietSpace() || p.getLearner().isNoOffSite() ? 1 : 0)
            .thenComparingInt(p -> -p.getCandidates().size())
            .thenComparingInt(p -> p.getPeriod().getIndex() * 100_000 + p.getLearner().getIndex());

    @Override
    public int compare(Placement a, Placement b) {
        return ORDER.compare(a, b);
    }
}
