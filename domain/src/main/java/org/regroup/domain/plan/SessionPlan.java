package org.regroup.domain.plan;

import java.util.List;

/**
 * One group in one block.
 *
 * @param focus   what the group works on; for modalities where each student works on their own focus (online or
 *                independent practice) it is absent and each seat says
 * @param staffId the adult leading or supervising; absent for a catch-all supervised by the school's duty rota
 */
public record SessionPlan(String id, Focus focus, String modality, String staffId, String spaceId, boolean catchAll,
        List<Seat> students) {

    /** A plan leaves empty lists out; read back, they are empty again. */
    public SessionPlan {
        students = students == null ? List.of() : students;
    }

    /** A student in the session and, where each works on their own, the focus they work on. */
    public record Seat(String studentId, Focus focus) {
    }
}
