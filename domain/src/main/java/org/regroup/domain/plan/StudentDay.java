package org.regroup.domain.plan;

import java.util.List;

/** A student's day card: one entry per block. */
public record StudentDay(String studentId, List<Entry> blocks) {

    /** A plan leaves empty lists out; read back, they are empty again. */
    public StudentDay {
        blocks = blocks == null ? List.of() : blocks;
    }

    /**
     * @param note for travel, the site; for a commitment, its description; for unplaced, why
     */
    public record Entry(String blockId, Status status, String sessionId, Focus focus, String modality, String staffId,
            String spaceId, String note) {
    }

    public enum Status {
        @com.fasterxml.jackson.annotation.JsonProperty("placed") PLACED,
        @com.fasterxml.jackson.annotation.JsonProperty("catch-all") CATCH_ALL,
        @com.fasterxml.jackson.annotation.JsonProperty("travel") TRAVEL,
        @com.fasterxml.jackson.annotation.JsonProperty("commitment") COMMITMENT,
        @com.fasterxml.jackson.annotation.JsonProperty("absent") ABSENT,
        @com.fasterxml.jackson.annotation.JsonProperty("unplaced") UNPLACED
    }
}
