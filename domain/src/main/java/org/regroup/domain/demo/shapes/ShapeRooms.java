package org.regroup.domain.demo.shapes;

import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.Activity;
import org.regroup.domain.ActivityKind;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;

/** The spaces of a shape, numbered room by room, and the off-site place and visit of its trip. */
final class ShapeRooms {

    private ShapeRooms() {
    }

    static List<Space> spaces(List<RoomSpec> rooms, Trip trip) {
        List<Space> spaces = new ArrayList<>();
        for (RoomSpec r : rooms) {
            for (int i = 1; i <= r.count(); i++) {
                String name = r.count() == 1 ? r.name() : r.name() + " " + i;
                spaces.add(new Space(String.format("%s%02d", r.idPrefix(), i), name, r.kind(), r.capacity(),
                        r.features(), null, r.maxGroups() == 1 ? null : r.maxGroups(), null));
            }
        }
        if (trip != null) {
            spaces.add(new Space(trip.spaceId(), trip.name(), SpaceKind.OFF_SITE, trip.capacity(), List.of(), null,
                    null, trip.travelMinutes() == 0 ? null : trip.travelMinutes()));
        }
        return spaces;
    }

    /** The visit: off site only, at the trip's place, in its block. */
    static Activity tripActivity(Trip trip, TimeBlock block) {
        return new Activity(trip.activityId(), "Measurement hunt at the " + trip.name().toLowerCase(),
                ActivityKind.PROJECT, List.of("science"), List.of(ModalityCatalog.OFF_SITE), List.of(block.id()),
                List.of(trip.spaceId()));
    }
}
