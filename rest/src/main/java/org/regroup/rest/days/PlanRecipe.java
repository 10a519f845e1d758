package org.regroup.rest.days;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.io.Json;
import org.regroup.solver.replan.Pin;

/**
 * How a stored version of a day's plan is made, kept with it so that an interrupted solve can be rebuilt the same way
 * and resumed, and so that readers can say what it revised: the day planned from the store ({@code day}), another
 * version re-planned after a mid-day change ({@code change}) or around a teacher's override ({@code override}); the
 * changes its solve took while it was running ({@code lateChanges}, in order); and the hand-made placements it keeps
 * ({@code pins}: every override of the day so far, which every later version keeps too).
 *
 * @param baseVersion      the version it revises (a change or override); for a day planned again, the day's version
 *                         that was current (published, else the latest draft) when it was made; null for the first
 * @param readinessChanged for a day planned from the store: the students whose ready set had changed since the
 *                         previous published day when it was planned (their moves are forced, not additional)
 * @param override         for an override: the placement asked for (also in {@code pins})
 * @param fromScratch      for a day planned from the store: not started from the last published day's plan
 */
public record PlanRecipe(String kind, Integer baseVersion, boolean basePublished, MidDayChange change,
        List<MidDayChange> lateChanges, List<String> readinessChanged, List<Pin> pins, Pin override,
        boolean fromScratch) {

    static final String DAY = "day";
    static final String CHANGE = "change";
    static final String OVERRIDE = "override";

    public PlanRecipe {
        lateChanges = lateChanges == null ? List.of() : List.copyOf(lateChanges);
        readinessChanged = readinessChanged == null ? List.of() : List.copyOf(readinessChanged);
        pins = pins == null ? List.of() : List.copyOf(pins);
    }

    /** The day planned from the store, keeping {@code pins}; {@code current}: the day's version it replaces. */
    static PlanRecipe day(Integer current, List<Pin> pins) {
        return new PlanRecipe(DAY, current, false, null, List.of(), List.of(), pins, null, false);
    }

    /** The day planned from scratch: nobody is held to the last published day's groups. */
    PlanRecipe asFromScratch() {
        return new PlanRecipe(kind, baseVersion, basePublished, change, lateChanges, readinessChanged, pins, override,
                true);
    }

    static PlanRecipe change(int baseVersion, boolean basePublished, MidDayChange change, List<Pin> pins) {
        return new PlanRecipe(CHANGE, baseVersion, basePublished, change, List.of(), List.of(), pins, null, false);
    }

    static PlanRecipe override(int baseVersion, boolean basePublished, Pin override, List<Pin> pins) {
        return new PlanRecipe(OVERRIDE, baseVersion, basePublished, null, List.of(), List.of(), pins, override, false);
    }

    boolean isChange() {
        return CHANGE.equals(kind);
    }

    boolean isOverride() {
        return OVERRIDE.equals(kind);
    }

    /** Made by revising another version of the day (its earlier blocks kept as they were). */
    boolean revisesAVersion() {
        return isChange() || isOverride();
    }

    PlanRecipe withLateChange(MidDayChange late) {
        List<MidDayChange> all = new ArrayList<>(lateChanges);
        all.add(late);
        return new PlanRecipe(kind, baseVersion, basePublished, change, all, readinessChanged, pins, override,
                fromScratch);
    }

    PlanRecipe withReadinessChanged(java.util.Collection<String> students) {
        return new PlanRecipe(kind, baseVersion, basePublished, change, lateChanges,
                students.stream().sorted().toList(), pins, override, fromScratch);
    }

    /** With only the pins that held when the version was built. */
    PlanRecipe withPins(List<Pin> held) {
        return new PlanRecipe(kind, baseVersion, basePublished, change, lateChanges, readinessChanged, held,
                override, fromScratch);
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
            return day(null, List.of());
        }
        try {
            return Json.mapper().readValue(json, PlanRecipe.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored plan recipe is unreadable", e);
        }
    }
}
