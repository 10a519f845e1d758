package org.regroup.domain.plan;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a stored version of a day's plan is in its life. A version is made {@link #SOLVING}; its solve ends in a
 * {@link #DRAFT} (or, cut off by a crash or a stop before it built anything, {@link #INTERRUPTED}, which can be
 * resumed); a draft is {@link #PUBLISHED} when the scheduler hands it out, and goes back to draft when another
 * version of the day is published. Nothing else: a published plan is never re-solved in place (a change makes a new
 * version), so teachers' rosters only change when a new version is published.
 */
public enum PlanStatus {
    SOLVING, DRAFT, PUBLISHED, INTERRUPTED;

    /** The name in JSON and in the store. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PlanStatus of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no plan status '" + wire + "'"));
    }

    /** The statuses this one may become. */
    public Set<PlanStatus> next() {
        return switch (this) {
            case SOLVING -> EnumSet.of(DRAFT, INTERRUPTED);
            case DRAFT -> EnumSet.of(PUBLISHED);
            case PUBLISHED -> EnumSet.of(DRAFT);
            case INTERRUPTED -> EnumSet.of(SOLVING);
        };
    }

    public boolean mayBecome(PlanStatus next) {
        return next().contains(next);
    }

    /** Whether the version holds a finished plan (readers may use it). */
    public boolean hasPlan() {
        return this == DRAFT || this == PUBLISHED;
    }
}
