package org.regroup.solver.model;

import java.util.Set;

/** A space as the solver sees it. */
public final class Room {

    public static final String QUIET = "quiet";

    private final String id;
    private final int capacity;
    private final Set<String> features;
    private final int maxGroups;
    private final boolean offSite;
    private final int travelMinutes;
    /** Ids of the blocks it can be used in; null when always. */
    private final Set<String> availablePeriodIds;

    public Room(String id, int capacity, Set<String> features, int maxGroups, boolean offSite, int travelMinutes,
            Set<String> availablePeriodIds) {
        this.id = id;
        this.capacity = capacity;
        this.features = Set.copyOf(features);
        this.maxGroups = maxGroups;
        this.offSite = offSite;
        this.travelMinutes = travelMinutes;
        this.availablePeriodIds = availablePeriodIds == null ? null : Set.copyOf(availablePeriodIds);
    }

    public boolean isAvailableIn(Period period) {
        return availablePeriodIds == null || availablePeriodIds.contains(period.getId());
    }

    public String getId() {
        return id;
    }

    public int getCapacity() {
        return capacity;
    }

    public boolean hasAll(Set<String> required) {
        return features.containsAll(required);
    }

    public boolean isQuiet() {
        return features.contains(QUIET);
    }

    public int getMaxGroups() {
        return maxGroups;
    }

    public boolean isOffSite() {
        return offSite;
    }

    /** Off site with travel time: the blocks next to a session here may be spent travelling. */
    public boolean isTravelSite() {
        return offSite && getTravelMinutes() > 0;
    }

    public int getTravelMinutes() {
        return travelMinutes;
    }

    @Override
    public String toString() {
        return id;
    }
}
