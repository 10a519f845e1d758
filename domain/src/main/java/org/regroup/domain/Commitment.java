package org.regroup.domain;

/**
 * Something fixed the student does outside the plan in a block (e.g. speech therapy in block 3), optionally with a
 * staff member (who is then busy) and in a space (which then hosts one more group).
 */
public record Commitment(String blockId, String description, String staffId, String spaceId) {
}
