package org.regroup.rest.days;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.io.Json;

/**
 * How a stored version of a day's plan is made, kept with it so that an interrupted solve can be rebuilt the same way
 * and resumed: the day planned from the store ({@code day}), or another version re-planned after a mid-day change
 * ({@code change}); and the changes its solve took while it was running ({@code lateChanges}, in order).
 *
 * @param readinessChanged for a day planned from the store: the students whose ready set had changed since the
 *                         previous published day when it was planned (their moves are forced, not additional)
 */
public record PlanRecipe(String kind, Integer baseVersion, boolean basePublished, MidDayChange change,
        List<MidDayChange> lateChanges, List<String> readinessChanged) {

    static final String DAY = "day";
    static final String CHANGE = "change";

    public PlanRecipe {
        lateChanges = lateChanges == null ? List.of() : List.copyOf(lateChanges);
        readinessChanged = readinessChanged == null ? List.of() : List.copyOf(readinessChanged);
    }

    static PlanRecipe day() {
        return new PlanRecipe(DAY, null, false, null, List.of(), List.of());
    }

    static PlanRecipe change(int baseVersion, boolean basePublished, MidDayChange change) {
        return new PlanRecipe(CHANGE, baseVersion, basePublished, change, List.of(), List.of());
    }

    boolean isChange() {
        return CHANGE.equals(kind);
    }

    PlanRecipe withLateChange(MidDayChange late) {
        List<MidDayChange> all = new ArrayList<>(lateChanges);
        all.add(late);
        return new PlanRecipe(kind, baseVersion, basePublished, change, all, readinessChanged);
    }

    PlanRecipe withReadinessChanged(java.util.Collection<String> students) {
        return new PlanRecipe(kind, baseVersion, basePublished, change, lateChanges,
                students.stream().sorted().toList());
    }

    String json() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored recipe; versions stored before recipes were kept were all planned from the store. */
    static PlanRecipe read(String json) {
        if (json == null) {
            return day();
        }
        try {
            return Json.mapper().readValue(json, PlanRecipe.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored plan recipe is unreadable", e);
        }
    }
}
