package org.regroup.domain.plan;

import java.time.LocalTime;
import java.util.List;

/** The sessions that run in one block. */
public record BlockPlan(String blockId, LocalTime start, LocalTime end, List<SessionPlan> sessions) {
}
