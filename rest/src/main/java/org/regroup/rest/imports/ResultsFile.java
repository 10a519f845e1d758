package org.regroup.rest.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.io.Limits;
import org.regroup.domain.io.oneroster.CsvTable;
import org.regroup.domain.io.oneroster.Problems;
import org.regroup.rest.days.EvidenceService;

/**
 * An assessment results CSV (docs/import.md, "Assessment results"): one result per record, read into the evidence
 * service's results, each with the line it came from. Only the file's own faults are found here; whether its students
 * and skills are the school's is {@link ResultsImport}'s question.
 */
final class ResultsFile {

    static final Set<String> COLUMNS = Set.of("student", "skill", "score", "correct", "items", "observedAt",
            "source", "eventId");
    /** In the order the errors about them are listed. */
    private static final Set<String> REQUIRED = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(
            List.of("student", "skill", "observedAt")));

    /** One result and where it was. */
    record Line(long line, EvidenceService.Result result, boolean derivedId) {
    }

    private ResultsFile() {
    }

    /** The file's results; every fault goes to {@code problems} (a result with one is left out). */
    static List<Line> read(String file, byte[] bytes, Problems problems) {
        CsvTable table = CsvTable.read(file, bytes, REQUIRED, COLUMNS, "columns a results file does not define, "
                + "ignored: ", problems);
        boolean header = REQUIRED.stream().allMatch(table::hasColumn);
        if (bytes.length > 0 && !table.hasColumn("score") && !table.hasColumn("correct")) {
            header = false;
            problems.error(file, 1L, "score", null, "the header has neither a score nor a correct column; a result "
                    + "needs one");
        }
        if (!header) {
            return List.of(); // every record would only repeat the header's fault
        }
        List<Line> lines = new ArrayList<>();
        Map<String, Long> explicitIds = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String eventId = row.get("eventId");
            if (eventId != null) {
                Long first = explicitIds.putIfAbsent(eventId, row.line());
                if (first != null) {
                    problems.error(file, row.line(), "eventId", row.get("student"), "event id '" + eventId
                            + "' is also on line " + first);
                    continue;
                }
            }
            Line line = result(file, row, problems);
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Line result(String file, CsvTable.Row row, Problems problems) {
        String student = row.get("student");
        String skill = row.get("skill");
        String who = student; // the record's id in every message: the student's, never a name
        int before = problems.errors().size();
        if (student == null) {
            problems.error(file, row.line(), "student", null, "missing: the student's id (their OneRoster sourcedId)");
        } else if (student.length() > Limits.STUDENT_ID) {
            problems.error(file, row.line(), "student", null, "a student id is at most " + Limits.STUDENT_ID
                    + " characters");
            who = null;
        }
        if (skill == null) {
            problems.error(file, row.line(), "skill", who, "missing: the skill's id in the school's skill map");
        } else if (skill.length() > Limits.SKILL_ID) {
            problems.error(file, row.line(), "skill", who, "a skill id is at most " + Limits.SKILL_ID + " characters");
        }
        Double score = null;
        Boolean correct = null;
        String scoreText = row.get("score");
        String correctText = row.get("correct");
        if ((scoreText == null) == (correctText == null)) {
            problems.error(file, row.line(), scoreText == null ? "score" : "correct", who, "give either score (0 to 1) "
                    + "or correct (true/false), not both");
        } else if (scoreText != null) {
            try {
                score = Double.valueOf(scoreText);
            } catch (NumberFormatException e) {
                score = Double.NaN;
            }
            if (!(score >= 0 && score <= 1)) {
                problems.error(file, row.line(), "score", who, "'" + FileFields.clip(scoreText) + "' is not a score from 0 to 1");
            }
        } else {
            correct = switch (correctText.toLowerCase(Locale.ROOT)) {
                case "true", "1" -> Boolean.TRUE;
                case "false", "0" -> Boolean.FALSE;
                default -> null;
            };
            if (correct == null) {
                problems.error(file, row.line(), "correct", who, "'" + FileFields.clip(correctText) + "' is not true, false, 1 or 0");
            }
        }
        Integer items = null;
        String itemsText = row.get("items");
        if (itemsText != null) {
            try {
                items = Integer.valueOf(itemsText);
            } catch (NumberFormatException e) {
                items = 0;
            }
            if (items < 1) {
                problems.error(file, row.line(), "items", who, "'" + FileFields.clip(itemsText) + "' is not a count of items (1 or "
                        + "more)");
            } else if (correct != null && items != 1) {
                problems.error(file, row.line(), "items", who, "a right-or-wrong result is one item; give a score for "
                        + items);
            }
        }
        OffsetDateTime observedAt = null;
        String observedText = row.get("observedAt");
        if (observedText == null) {
            problems.error(file, row.line(), "observedAt", who, "missing: when the student answered");
        } else {
            observedAt = instant(observedText);
            if (observedAt == null) {
                problems.error(file, row.line(), "observedAt", who, "'" + FileFields.clip(observedText) + "' is not an ISO-8601 "
                        + "date-time (2026-11-24T09:30:00Z) or date (2026-11-24)");
            }
        }
        String source = row.get("source");
        if (source != null && source.length() > Limits.EVIDENCE_SOURCE) {
            problems.error(file, row.line(), "source", who, "at most " + Limits.EVIDENCE_SOURCE + " characters");
        }
        String eventId = row.get("eventId");
        if (eventId != null && eventId.length() > Limits.EVENT_ID) {
            problems.error(file, row.line(), "eventId", who, "at most " + Limits.EVENT_ID + " characters");
        }
        if (problems.errors().size() > before) {
            return null;
        }
        boolean derived = eventId == null;
        if (derived) {
            eventId = derivedId(student, skill, score, correct, items, observedAt, source);
        }
        return new Line(row.line(), new EvidenceService.Result(eventId, student, skill, correct, score, items,
                observedAt, source), derived);
    }

    /**
     * A date-time with an offset; without one, or a date alone (its start), it is read as UTC so that the same file
     * means the same instant on every server.
     */
    static OffsetDateTime instant(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    /**
     * The id of a result the file gives none: a digest of what it says, so that importing the same file again finds
     * every result already there (and two identical records are one result).
     */
    static String derivedId(String student, String skill, Double score, Boolean correct, Integer items,
            OffsetDateTime observedAt, String source) {
        String content = String.join("\u001f", student, skill, String.valueOf(score), String.valueOf(correct),
                String.valueOf(items == null ? 1 : items), observedAt.toInstant().toString(), String.valueOf(source));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "csv-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
