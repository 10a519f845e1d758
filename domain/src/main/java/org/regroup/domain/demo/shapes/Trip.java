package org.regroup.domain.demo.shapes;

/**
 * An off-site visit in the day's first activities block: a place {@code travelMinutes} away (each way) holding
 * {@code capacity}, {@code clearedAdults} teachers cleared to take students off site (the first organises it), and
 * soft requests for it by that teacher ({@code teacherRequests}) and by students ({@code studentRequests}). When the
 * travel time is longer than the gaps around the block, the neighbouring blocks are spent travelling.
 */
public record Trip(String spaceId, String name, int travelMinutes, int capacity, int clearedAdults,
        int teacherRequests, int studentRequests) {

    public Trip {
        if (travelMinutes < 0 || capacity < 1 || clearedAdults < 1 || teacherRequests < 0 || studentRequests < 0) {
            throw new IllegalArgumentException("a trip " + travelMinutes + " min away for " + capacity
                    + " students with " + clearedAdults + " cleared adults");
        }
    }

    /** The science museum of the off-site shape. */
    public static Trip museum(int travelMinutes) {
        return new Trip("MUSEUM", "Science museum", travelMinutes, 25, 1, 8, 6);
    }

    public Trip withTravelMinutes(int minutes) {
        return new Trip(spaceId, name, minutes, capacity, clearedAdults, teacherRequests, studentRequests);
    }

    String activityId() {
        return "museum-measurement";
    }
}
