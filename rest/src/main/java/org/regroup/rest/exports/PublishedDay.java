package org.regroup.rest.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;

import org.regroup.domain.DayProblem;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.PlanStatus;
import org.regroup.rest.days.SchoolDays;
import org.regroup.store.PlanVersions;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;

/**
 * The published version of a school's day, as the exports read it: its plan and (on demand) the day it solves.
 *
 * @param schoolName the school's name (its id when it has none)
 * @param madeAt     when the version was made: the zip's entries are dated with it, so the same version gives the
 *                   same bytes
 */
public record PublishedDay(String schoolId, String schoolName, LocalDate date, int version, Instant madeAt,
        Plan plan, Supplier<DayProblem> problem) {

    /** The day has no published version (none planned, or only drafts): nothing to export or take attendance on. */
    public static final class NotPublishedException extends RuntimeException {
        public NotPublishedException(String schoolId, LocalDate day) {
            super("no published plan of " + day + " in school " + schoolId + "; plan the day and publish a version "
                    + "first (GET /api/schools/" + schoolId + "/days/" + day + "/plans lists its versions)");
        }
    }

    /**
     * The published version of the day, read from the store (the command line; the server reads it through its
     * cache of stored versions).
     *
     * @throws NotPublishedException when the day has none
     */
    public static PublishedDay load(SchoolStore store, Schools.SchoolRecord school, LocalDate day) {
        PlanVersions.PlanRecord published = store.versions().plans(school.id(), day).stream()
                .filter(p -> p.status() == PlanStatus.PUBLISHED).findFirst()
                .orElseThrow(() -> new NotPublishedException(school.id(), day));
        String plan = store.versions().planDocument(school.id(), day, published.version());
        if (plan == null) {
            throw new NotPublishedException(school.id(), day);
        }
        String problem = store.versions().problemDocument(school.id(), day, published.version());
        Plan parsed = read(plan, Plan.class);
        return new PublishedDay(school.id(), nameOf(school), day, published.version(), published.createdAt(), parsed,
                () -> problem != null ? read(problem, DayProblem.class) : SchoolDays.dayProblem(store, school, day));
    }

    /** The school's name, or its id when it has none. */
    public static String nameOf(Schools.SchoolRecord school) {
        return school.name() == null || school.name().isBlank() ? school.id() : school.name();
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
