package org.regroup.rest.exports;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.SessionPlan;

/** Who sits in which session, block by block, in a plan: the groups attendance is taken in. */
final class Seating {

    private final Map<String, BlockPlan> blocks = new LinkedHashMap<>();
    /** block → student → their session. */
    private final Map<String, Map<String, SessionPlan>> seats = new HashMap<>();

    Seating(Plan plan) {
        for (BlockPlan block : plan.blocks()) {
            blocks.putIfAbsent(block.blockId(), block);
            Map<String, SessionPlan> inBlock = seats.computeIfAbsent(block.blockId(), b -> new HashMap<>());
            for (SessionPlan session : block.sessions()) {
                session.students().forEach(seat -> inBlock.putIfAbsent(seat.studentId(), session));
            }
        }
    }

    /** The block of the plan, if it has one of that id. */
    Optional<BlockPlan> block(String blockId) {
        return Optional.ofNullable(blockId == null ? null : blocks.get(blockId));
    }

    /** The session the student sits in during the block (none: not in the plan then, absent, on a commitment). */
    Optional<SessionPlan> session(String blockId, String studentId) {
        return Optional.ofNullable(seats.getOrDefault(blockId, Map.of()).get(studentId));
    }

    /** Whether the adult leads (or supervises) the student's group in the block. */
    boolean leads(String staffId, String blockId, String studentId) {
        return staffId != null && session(blockId, studentId).map(s -> staffId.equals(s.staffId())).orElse(false);
    }
}
