package org.regroup.solver.replan;

/**
 * A placement someone chose by hand (a teacher's override): the student is in this session in this block, and every
 * later re-plan of the day keeps them there while the session still runs. Session ids are stable across rebuilds of
 * a day ({@code staffId@blockId}), so a pin outlives the plan it was made on.
 *
 * @param reason      why, in the words of whoever asked (kept with the version)
 * @param requestedBy who asked (the signed-in user once there is sign-in; else what the request said)
 */
public record Pin(String studentId, String blockId, String sessionId, String reason, String requestedBy) {

    /** Whether this pin is about the same student-block as {@code other} (a newer pin replaces an older one). */
    public boolean sameSeat(Pin other) {
        return studentId.equals(other.studentId) && blockId.equals(other.blockId);
    }
}
