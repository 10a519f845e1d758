package org.regroup.rest.auth;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.regroup.domain.io.Json;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.SessionPlan;
import org.regroup.store.PlanVersions;

/**
 * Which students an adult has in their groups on a published day: what a teacher may read of students (their day
 * cards, profiles) and write (evidence). Read from the published plan in the store, kept per published version.
 */
final class TeachingGroups {

    private static final int KEPT = 64;

    private final PlanVersions versions;
    /** (school, day, version) → staff id → students; the latest {@link #KEPT}. */
    private final Map<String, Map<String, Set<String>>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Set<String>>> eldest) {
            return size() > KEPT;
        }
    };

    TeachingGroups(PlanVersions versions) {
        this.versions = versions;
    }

    /** The students in {@code staffId}'s groups in the plan published for {@code day}; empty when none is. */
    Set<String> on(String school, LocalDate day, String staffId) {
        Optional<PlanVersions.PlanVersion> published = versions.latestPublishedBefore(school, day.plusDays(1))
                .filter(v -> v.day().equals(day));
        return published.map(v -> of(school, v, staffId)).orElse(Set.of());
    }

    /** The students in {@code staffId}'s groups on the latest published day up to {@code today}. */
    Set<String> latest(String school, LocalDate today, String staffId) {
        return versions.latestPublishedBefore(school, today.plusDays(1)).map(v -> of(school, v, staffId))
                .orElse(Set.of());
    }

    private Set<String> of(String school, PlanVersions.PlanVersion v, String staffId) {
        if (staffId == null) {
            return Set.of();
        }
        String key = school + "\n" + v.day() + "\n" + v.version();
        Map<String, Set<String>> groups;
        synchronized (cache) {
            groups = cache.get(key);
        }
        if (groups == null) {
            groups = read(versions.planDocument(school, v.day(), v.version()));
            synchronized (cache) {
                cache.put(key, groups);
            }
        }
        return groups.getOrDefault(staffId, Set.of());
    }

    private static Map<String, Set<String>> read(String document) {
        Map<String, Set<String>> groups = new HashMap<>();
        if (document == null) {
            return groups;
        }
        try {
            Plan plan = Json.mapper().readValue(document, Plan.class);
            for (BlockPlan block : plan.blocks()) {
                for (SessionPlan session : block.sessions()) {
                    if (session.staffId() != null) {
                        Set<String> mine = groups.computeIfAbsent(session.staffId(), k -> new HashSet<>());
                        session.students().forEach(seat -> mine.add(seat.studentId()));
                    }
                }
            }
        } catch (IOException e) {
            // an unreadable plan gives a teacher no students (admins still read it); never a failure for the request
        }
        return groups;
    }
}
