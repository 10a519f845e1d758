package org.regroup.domain.demo;

import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.School;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;

/** Rooms of a generated school, and its catch-all. */
public final class SpacePlanner {

    public static final String COMPUTERS = "computers";
    public static final String QUIET = "quiet";
    /** The catch-all holds about this share of the students. */
    private static final double CATCH_ALL_SHARE = 0.07;

    private SpacePlanner() {
    }

    static List<Space> spaces(Sizing size, boolean offSite, Draw draw) {
        List<Space> spaces = new ArrayList<>();
        for (int i = 1; i <= size.classrooms(); i++) {
            spaces.add(new Space(id("CR", i), "Room " + (100 + i), SpaceKind.CLASSROOM, draw.between(25, 30),
                    List.of(), null, null, null));
        }
        for (int i = 1; i <= size.labs(); i++) {
            spaces.add(new Space(id("LAB", i), "Computer lab " + i, SpaceKind.LAB, 30, List.of(COMPUTERS), null,
                    null, null));
        }
        for (int i = 1; i <= size.studios(); i++) {
            // Teach to One's large rooms: several stations, several groups at once
            int capacity = 10 * draw.between(6, 9);
            spaces.add(new Space(id("STUDIO", i), "Open studio " + i, SpaceKind.STUDIO, capacity, List.of(), null,
                    capacity >= 80 ? 4 : 3, null));
        }
        for (int i = 1; i <= size.libraries(); i++) {
            spaces.add(new Space(id("LIB", i), size.libraries() == 1 ? "Library" : "Library " + i,
                    SpaceKind.LIBRARY, 40, List.of(QUIET), null, draw.between(2, 3), null));
        }
        for (int i = 1; i <= size.smallRooms(); i++) {
            // every other small room is a quiet one, for students who need a quiet space
            spaces.add(new Space(id("SR", i), "Small room " + i, SpaceKind.SMALL_ROOM, draw.between(6, 8),
                    i % 2 == 1 ? List.of(QUIET) : List.of(), null, null, null));
        }
        if (offSite) {
            spaces.add(new Space("MUSEUM", "Science museum", SpaceKind.OFF_SITE, 25, List.of(), null, 2, 20));
            spaces.add(new Space("GARDEN", "Community garden", SpaceKind.OFF_SITE, 20, List.of(), null, 1, 10));
        }
        return spaces;
    }

    /**
     * A supervised default place in every block for about 7% of the students: the library when it is big enough,
     * else the largest studios, shared evenly. No supervisor is named: the library or studio has its own adult.
     */
    public static List<School.CatchAll> catchAll(List<Space> spaces, int students) {
        int wanted = (int) Math.round(CATCH_ALL_SHARE * students);
        Space library = spaces.stream().filter(s -> s.kind() == SpaceKind.LIBRARY).findFirst().orElse(null);
        if (library != null && library.capacity() >= wanted) {
            return List.of(new School.CatchAll(library.id(), List.of(), wanted, null));
        }
        List<Space> studios = spaces.stream().filter(s -> s.kind() == SpaceKind.STUDIO)
                .sorted((a, b) -> Integer.compare(b.capacity(), a.capacity())).toList();
        List<School.CatchAll> entries = new ArrayList<>();
        int left = wanted;
        for (int i = 0; i < studios.size() && left > 0; i++) {
            int spread = (int) Math.ceil(left / (double) Math.max(1, studiosNeeded(studios, i, left)));
            int take = Math.min(studios.get(i).capacity(), spread);
            entries.add(new School.CatchAll(studios.get(i).id(), List.of(), take, null));
            left -= take;
        }
        return entries;
    }

    /** How many of the studios from {@code from} on it takes to hold {@code left} students. */
    private static int studiosNeeded(List<Space> studios, int from, int left) {
        int n = 0;
        for (int i = from; i < studios.size() && left > 0; i++, n++) {
            left -= studios.get(i).capacity();
        }
        return n;
    }

    private static String id(String prefix, int i) {
        return String.format("%s%02d", prefix, i);
    }
}
