package org.regroup.domain.plan;

import java.time.LocalTime;
import java.util.List;

/** The sessions that run in one block. */
public record BlockPlan(String blockId, LocalTime start, LocalTime end, List<SessionPlan> sessions) {

    /** A plan leaves empty lists out; read back, they are empty again. */
    public BlockPlan {
        sessions = sessions == null ? List.of() : sessions;
    }
}
