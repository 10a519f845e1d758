package org.regroup.domain;

import java.time.Duration;
import java.time.LocalTime;

/**
 * A time slot of the school day.
 *
 * @param order          position in the day (blocks are ordered by it, then by start)
 * @param kind           what the block is for (default: skills)
 * @param subject        for skill blocks, the subject whose skills are worked on (e.g. "math"); any when absent
 * @param doubleWithNext the next block continues this one: the same skill twice in a row is intended there
 */
public record TimeBlock(String id, LocalTime start, LocalTime end, Integer order, BlockKind kind, String subject,
        boolean doubleWithNext) {

    public BlockKind kindOrDefault() {
        return kind == null ? BlockKind.SKILLS : kind;
    }

    public int minutes() {
        return (int) Duration.between(start, end).toMinutes();
    }
}
