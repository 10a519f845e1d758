package org.regroup.rest.errors;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a request body was meant to be, by the path it was sent to: the "evidence batch" of "Invalid evidence batch".
 * One table, so that every endpoint names its body the same way in every title; a path not listed is a "request
 * body".
 */
final class Subjects {

    private record Entry(Pattern path, String subject) {
    }

    private static final List<Entry> TABLE = List.of(
            entry("/api/plans", "day problem"),
            entry("/api/plans/{id}/placements/{studentId}/{blockId}", "override"),
            entry("/api/scenarios", "scenario"),
            entry("/api/schools/{id}", "school"), // the standing data a school is created from
            entry("/api/schools/{id}/evidence", "evidence batch"),
            entry("/api/schools/{id}/days/{day}/input", "day input"),
            entry("/api/schools/{id}/students/{studentId}/goals", "goals"),
            entry("/api/schools/{id}/days/{day}/requests", "request for a session"),
            entry("/api/schools/{id}/days/{day}/changes", "mid-day change"),
            entry("/api/schools/{id}/days/{day}/attendance", "attendance"),
            entry("/api/schools/{id}/days/{day}/placements/{studentId}/{blockId}", "override"),
            // no body: the day problem the store makes for the date is what fails
            entry("/api/schools/{id}/days/{day}/problem", "day problem"),
            entry("/api/schools/{id}/days/{day}/plan", "day problem"),
            entry("/api/schools/{id}/days/{day}/plans/{version}/resume", "day problem"));

    private Subjects() {
    }

    /** The subject for a request path such as {@code /api/schools/demo/evidence}. */
    static String of(String path) {
        if (path != null) {
            for (Entry e : TABLE) {
                if (e.path().matcher(path).matches()) {
                    return e.subject();
                }
            }
        }
        return "request body";
    }

    /** A path template as a pattern: each {@code {name}} is one path segment; a trailing slash is allowed. */
    private static Entry entry(String template, String subject) {
        String regex = Arrays.stream(template.split("/"))
                .map(segment -> segment.startsWith("{") ? "[^/]+" : Pattern.quote(segment))
                .collect(Collectors.joining("/"));
        return new Entry(Pattern.compile(regex + "/?"), subject);
    }
}
