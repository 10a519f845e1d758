package org.regroup.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A room, a shared area, or an off-site place.
 *
 * @param maxGroups       groups that may work in it at once (open studios, a library commons: several; default 1)
 * @param availableBlocks blocks it can be used (all when absent)
 * @param travelMinutes   for off-site spaces, travel time each way
 */
public record Space(String id, String name, SpaceKind kind, Integer capacity, List<String> features,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> availableBlocks, Integer maxGroups, Integer travelMinutes) {

    /** This space open only in {@code availableBlocks} (null: every block; empty: closed all day). */
    public Space withAvailableBlocks(List<String> availableBlocks) {
        return new Space(id, name, kind, capacity, features, availableBlocks, maxGroups, travelMinutes);
    }

    public Space {
        features = Lists.orEmpty(features);
    }

    public boolean offSite() {
        return kind == SpaceKind.OFF_SITE;
    }

    public int maxGroupsOrDefault() {
        return maxGroups == null ? 1 : maxGroups;
    }

    public int travelMinutesOrZero() {
        return travelMinutes == null ? 0 : travelMinutes;
    }

    public boolean availableIn(String blockId) {
        return availableBlocks == null || availableBlocks.contains(blockId);
    }
}
