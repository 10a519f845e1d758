package org.regroup.rest.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.io.Limits;
import org.regroup.domain.io.oneroster.CsvTable;
import org.regroup.domain.io.oneroster.ExportFiles;
import org.regroup.domain.io.oneroster.Manifest;
import org.regroup.domain.io.oneroster.Problems;
import org.regroup.rest.days.EvidenceService;

/**
 * A OneRoster 1.2 gradebook export (docs/import.md, "OneRoster 1.2 gradebook results") read into evidence: each
 * graded result of a line item whose learning objectives are skills of the school becomes one result per skill, its
 * score scaled by the line item's range. Objectives the school's skill map does not hold, and students of other
 * schools, are skipped and said; the export's own faults are errors at their file, line and column.
 */
final class GradebookFile {

    static final String LINE_ITEMS = "lineItems.csv";
    static final String RESULTS = "results.csv";
    static final String LINE_ITEM_OBJECTIVES = "lineItemLearningObjectiveIds.csv";
    static final String RESULT_OBJECTIVES = "resultLearningObjectiveIds.csv";

    private static final Set<String> LINE_ITEM_COLUMNS = Set.of("sourcedId", "status", "dateLastModified", "title",
            "description", "assignDate", "dueDate", "classSourcedId", "categorySourcedId", "gradingPeriodSourcedId",
            "academicSessionSourcedId", "schoolSourcedId", "scoreScaleSourcedId", "resultValueMin", "resultValueMax");
    private static final Set<String> RESULT_COLUMNS = Set.of("sourcedId", "status", "dateLastModified",
            "lineItemSourcedId", "studentSourcedId", "classSourcedId", "scoreStatus", "score", "textScore",
            "scoreDate", "comment", "scoreScaleSourcedId", "inProgress", "incomplete", "late", "missing");
    private static final Set<String> OBJECTIVE_COLUMNS = Set.of("lineItemSourcedId", "resultSourcedId", "source",
            "learningObjectiveId", "score", "textScore");
    /** Results with a score to learn from; "exempt" and "not submitted" say nothing about mastery. */
    private static final Set<String> GRADED = Set.of("fully graded", "partially graded");

    /** A line item: its score range and the objectives it assesses. */
    private record Item(long line, double min, Double max, List<String> objectives) {
    }

    private GradebookFile() {
    }

    /** Whether {@code files} hold a gradebook (a results.csv) rather than only a roster. */
    static boolean isGradebook(ExportFiles files) {
        return files.has(RESULTS);
    }

    /**
     * The export's results as evidence lines (each at its line of results.csv), only for {@code students} and
     * {@code skills}; every fault goes to {@code problems}.
     */
    static List<ResultsFile.Line> read(ExportFiles files, Set<String> students, Set<String> skills,
            Problems problems) {
        Manifest manifest = Manifest.read(files, problems);
        if (manifest != null && !manifest.v12()) {
            problems.error(Manifest.FILE, null, "value", null, "version " + manifest.version() + ": learning "
                    + "objectives on line items and results are OneRoster 1.2; export the gradebook as 1.2");
        }
        for (String required : List.of(LINE_ITEMS, RESULTS)) {
            if (!files.has(required)) {
                problems.error(required, null, null, null, "the export has no " + required + "; a gradebook's "
                        + "results need both lineItems.csv and results.csv");
            }
        }
        if (problems.hasErrors()) {
            return List.of();
        }
        Map<String, Item> items = lineItems(files, problems);
        Map<String, Map<String, Double>> perResult = resultObjectives(files, problems);
        if (problems.hasErrors()) {
            return List.of();
        }
        return results(files, items, perResult, students, skills, problems);
    }

    private static Map<String, Item> lineItems(ExportFiles files, Problems problems) {
        CsvTable table = CsvTable.read(LINE_ITEMS, files.get(LINE_ITEMS), Set.of("sourcedId"), LINE_ITEM_COLUMNS,
                "columns OneRoster does not define for lineItems, ignored: ", problems);
        Map<String, List<String>> objectives = new HashMap<>();
        if (files.has(LINE_ITEM_OBJECTIVES)) {
            CsvTable links = CsvTable.read(LINE_ITEM_OBJECTIVES, files.get(LINE_ITEM_OBJECTIVES), new LinkedHashSet<>(
                    List.of("lineItemSourcedId", "learningObjectiveId")), OBJECTIVE_COLUMNS,
                    "columns OneRoster does not define for line item objectives, ignored: ", problems);
            for (CsvTable.Row row : links.rows()) {
                String item = row.get("lineItemSourcedId");
                String objective = row.get("learningObjectiveId");
                if (item == null || objective == null) {
                    problems.error(LINE_ITEM_OBJECTIVES, row.line(), item == null ? "lineItemSourcedId"
                            : "learningObjectiveId", item, "missing: a line item and the objective it assesses");
                    continue;
                }
                objectives.computeIfAbsent(item, k -> new ArrayList<>()).add(objective);
            }
        }
        Map<String, Item> items = new LinkedHashMap<>();
        if (!table.hasColumn("sourcedId")) {
            return items; // every record would only repeat the header's fault
        }
        for (CsvTable.Row row : table.rows()) {
            String id = row.get("sourcedId");
            if (id == null) {
                problems.error(LINE_ITEMS, row.line(), "sourcedId", null, "missing: the line item's sourcedId");
                continue;
            }
            Double min = number(LINE_ITEMS, row, "resultValueMin", id, problems);
            Double max = number(LINE_ITEMS, row, "resultValueMax", id, problems);
            if (min != null && max != null && max <= min) {
                problems.error(LINE_ITEMS, row.line(), "resultValueMax", id, "the highest score " + max + " is not "
                        + "above the lowest " + min);
            }
            if (items.putIfAbsent(id, new Item(row.line(), min == null ? 0 : min, max,
                    objectives.getOrDefault(id, List.of()))) != null) {
                problems.error(LINE_ITEMS, row.line(), "sourcedId", id, "line item '" + id + "' is also on line "
                        + items.get(id).line());
            }
        }
        return items;
    }

    /** Per result, its own score on each objective (resultLearningObjectiveIds.csv), when the export has them. */
    private static Map<String, Map<String, Double>> resultObjectives(ExportFiles files, Problems problems) {
        Map<String, Map<String, Double>> perResult = new HashMap<>();
        if (!files.has(RESULT_OBJECTIVES)) {
            return perResult;
        }
        CsvTable table = CsvTable.read(RESULT_OBJECTIVES, files.get(RESULT_OBJECTIVES), new LinkedHashSet<>(
                List.of("resultSourcedId", "learningObjectiveId")), OBJECTIVE_COLUMNS,
                "columns OneRoster does not define for result objectives, ignored: ", problems);
        for (CsvTable.Row row : table.rows()) {
            String result = row.get("resultSourcedId");
            String objective = row.get("learningObjectiveId");
            if (result == null || objective == null) {
                problems.error(RESULT_OBJECTIVES, row.line(), result == null ? "resultSourcedId"
                        : "learningObjectiveId", result, "missing: a result and the objective it scores");
                continue;
            }
            perResult.computeIfAbsent(result, k -> new LinkedHashMap<>()).put(objective,
                    number(RESULT_OBJECTIVES, row, "score", result, problems));
        }
        return perResult;
    }

    private static List<ResultsFile.Line> results(ExportFiles files, Map<String, Item> items,
            Map<String, Map<String, Double>> perResult, Set<String> students, Set<String> skills, Problems problems) {
        Set<String> required = new LinkedHashSet<>(List.of("sourcedId", "lineItemSourcedId", "studentSourcedId"));
        CsvTable table = CsvTable.read(RESULTS, files.get(RESULTS), required, RESULT_COLUMNS,
                "columns OneRoster does not define for results, ignored: ", problems);
        List<ResultsFile.Line> lines = new ArrayList<>();
        if (!required.stream().allMatch(table::hasColumn)) {
            return lines; // every record would only repeat the header's fault
        }
        Set<String> otherStudents = new LinkedHashSet<>();
        Set<String> notSkills = new LinkedHashSet<>();
        int ungraded = 0;
        Map<String, Long> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String id = row.get("sourcedId");
            String student = row.get("studentSourcedId");
            String itemId = row.get("lineItemSourcedId");
            if (id == null || student == null || itemId == null) {
                problems.error(RESULTS, row.line(), id == null ? "sourcedId" : student == null ? "studentSourcedId"
                        : "lineItemSourcedId", id, "missing: a result names itself, its student and its line item");
                continue;
            }
            Long first = seen.putIfAbsent(id, row.line());
            if (first != null) {
                problems.error(RESULTS, row.line(), "sourcedId", id, "result '" + id + "' is also on line " + first);
                continue;
            }
            String status = row.get("status");
            String scoreStatus = row.get("scoreStatus");
            if ("tobedeleted".equalsIgnoreCase(status) || (scoreStatus != null
                    && !GRADED.contains(scoreStatus.toLowerCase(Locale.ROOT)))) {
                ungraded++;
                continue;
            }
            Item item = items.get(itemId);
            if (item == null) {
                problems.warning(RESULTS, row.line(), "lineItemSourcedId", id, "no line item '" + itemId + "' in "
                        + LINE_ITEMS + ": the result is skipped");
                continue;
            }
            if (!students.contains(student)) {
                otherStudents.add(student);
                continue;
            }
            OffsetDateTime at = observedAt(row, id, problems);
            Double score = number(RESULTS, row, "score", id, problems);
            Map<String, Double> own = perResult.getOrDefault(id, Map.of());
            List<String> objectives = own.isEmpty() ? item.objectives() : List.copyOf(own.keySet());
            for (String objective : objectives) {
                if (!skills.contains(objective)) {
                    notSkills.add(objective);
                    continue;
                }
                Double raw = own.getOrDefault(objective, score);
                if (raw == null) {
                    problems.error(RESULTS, row.line(), "score", id, "missing: the score of a graded result");
                    break;
                }
                Double scaled = scaled(raw, item, row, id, problems);
                if (scaled == null || at == null) {
                    break;
                }
                lines.add(new ResultsFile.Line(row.line(), new EvidenceService.Result(eventId(id, objective),
                        student, objective, null, scaled, 1, at, source(itemId)), false));
            }
        }
        if (!otherStudents.isEmpty()) {
            problems.warning(RESULTS, null, "studentSourcedId", null, otherStudents.size() + " students who are not "
                    + "in the school: their results are skipped");
        }
        if (!notSkills.isEmpty()) {
            problems.warning(LINE_ITEM_OBJECTIVES, null, "learningObjectiveId", null, "objectives that are no skill "
                    + "of the school's skill map, skipped: " + String.join(", ", notSkills.stream().limit(20)
                    .map(FileFields::clip).toList()) + (notSkills.size() > 20 ? " …" : ""));
        }
        if (ungraded > 0) {
            problems.warning(RESULTS, null, "scoreStatus", null, ungraded + " results not graded (exempt, not "
                    + "submitted, submitted) or to be deleted: skipped");
        }
        return lines;
    }

    /** The score as a share of the line item's range; a score outside the range is an error. */
    private static Double scaled(double raw, Item item, CsvTable.Row row, String id, Problems problems) {
        double max = item.max() != null ? item.max() : 1.0;
        if (raw < item.min() || raw > max) {
            problems.error(RESULTS, row.line(), "score", id, "score " + raw + " is outside the line item's range "
                    + item.min() + " to " + max + (item.max() == null ? " (" + LINE_ITEMS + " line " + item.line()
                    + " gives no resultValueMax: scores are read as shares from 0 to 1)" : ""));
            return null;
        }
        return (raw - item.min()) / (max - item.min());
    }

    private static OffsetDateTime observedAt(CsvTable.Row row, String id, Problems problems) {
        String column = row.get("scoreDate") != null ? "scoreDate" : "dateLastModified";
        String text = row.get(column);
        if (text == null) {
            problems.error(RESULTS, row.line(), "scoreDate", id, "missing: when the result was scored (scoreDate or "
                    + "dateLastModified)");
            return null;
        }
        OffsetDateTime at = ResultsFile.instant(text);
        if (at == null) {
            problems.error(RESULTS, row.line(), column, id, "'" + FileFields.clip(text) + "' is not an ISO-8601 "
                    + "date or date-time");
        }
        return at;
    }

    private static Double number(String file, CsvTable.Row row, String column, String id, Problems problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            double x = Double.parseDouble(text);
            if (Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.error(file, row.line(), column, id, "'" + FileFields.clip(text) + "' is not a number");
        return null;
    }

    /** One result per result and objective, the same on every import of the export: a re-import adds nothing. */
    static String eventId(String resultId, String objective) {
        String id = "oneroster-" + resultId + "-" + objective;
        if (id.length() <= Limits.EVENT_ID) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((resultId + "\u001f" + objective)
                    .getBytes(StandardCharsets.UTF_8));
            return "oneroster-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String source(String lineItem) {
        String s = "oneroster line item " + lineItem;
        return s.length() <= Limits.EVIDENCE_SOURCE ? s : s.substring(0, Limits.EVIDENCE_SOURCE);
    }
}
