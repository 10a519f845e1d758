package org.regroup.domain.demo.shapes;

import java.util.List;

import org.regroup.domain.SpaceKind;

/**
 * {@code count} alike on-site spaces: ids {@code idPrefix01}, {@code idPrefix02} …, each holding {@code capacity}
 * students in at most {@code maxGroups} groups at once.
 */
public record RoomSpec(SpaceKind kind, String idPrefix, String name, int count, int capacity, int maxGroups,
        List<String> features) {

    public RoomSpec {
        features = List.copyOf(features);
        if (kind == SpaceKind.OFF_SITE) {
            throw new IllegalArgumentException("off-site places come with a trip, not as rooms");
        }
        if (count < 0 || capacity < 1 || maxGroups < 1) {
            throw new IllegalArgumentException(name + ": " + count + " rooms of " + capacity + " seats and "
                    + maxGroups + " groups");
        }
    }

    public RoomSpec withCount(int newCount) {
        return new RoomSpec(kind, idPrefix, name, newCount, capacity, maxGroups, features);
    }

    public int seats() {
        return count * capacity;
    }

    public boolean has(String feature) {
        return features.contains(feature);
    }
}
