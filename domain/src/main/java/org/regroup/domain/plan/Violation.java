package org.regroup.domain.plan;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One broken rule of a plan, as Timefold's score analysis matched it: which rule, at which level, in words, and the
 * blocks, sessions, adults, spaces and students involved (ids only). Student-blocks left unplaced are listed under
 * {@link Plan#unplaced()}, with reasons, instead.
 */
public record Violation(String rule, Level level, String message, List<String> blocks, List<String> sessions,
        List<String> staff, List<String> spaces, List<String> students) {

    public Violation {
        blocks = orEmpty(blocks);
        sessions = orEmpty(sessions);
        staff = orEmpty(staff);
        spaces = orEmpty(spaces);
        students = orEmpty(students);
    }

    /** A plan leaves empty lists out; read back, they are empty again. */
    private static List<String> orEmpty(List<String> ids) {
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /** Hard rules protect students and staff; medium rules say everyone is placed in a properly sized group. */
    public enum Level {
        @JsonProperty("hard") HARD,
        @JsonProperty("medium") MEDIUM
    }
}
