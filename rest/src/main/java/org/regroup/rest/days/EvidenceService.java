package org.regroup.rest.days;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.graph.SkillGraph;
import org.regroup.domain.mastery.Bkt;
import org.regroup.domain.mastery.BktParameters;
import org.regroup.store.EvidenceLog;
import org.regroup.store.EvidenceLog.EvidenceRow;
import org.regroup.store.EvidenceLog.MasteryRow;
import org.regroup.store.Schools;

/**
 * Evidence → mastery: checks a batch of assessment results against the school, updates each student's mastery by
 * Bayesian Knowledge Tracing (docs/mastery.md) in the order the results were observed, logs every result once (a
 * re-sent event id is reported, not counted), and says whose ready set changed. One batch is one transaction.
 */
public final class EvidenceService {

    /**
     * One assessment result.
     *
     * @param eventId    the sender's id for this result: sending it again changes nothing
     * @param correct    one answer right or wrong; or else
     * @param score      the share of {@code items} right, in [0, 1]
     * @param items      how many items the result covers (default 1)
     * @param observedAt when the student answered
     * @param source     what produced it (an app, a quiz, a teacher)
     */
    public record Result(String eventId, String studentId, String skillId, Boolean correct, Double score,
            Integer items, OffsetDateTime observedAt, String source) {
    }

    /** A batch, as {@code POST /api/schools/{id}/evidence} receives it. */
    public record Batch(List<Result> results) {
    }

    public record MasteryChange(String skillId, double before, double after) {
    }

    /** What the batch changed for one student. */
    public record StudentChange(String studentId, List<MasteryChange> mastery, List<String> enteredReady,
            List<String> leftReady) {
    }

    /** The answer: how many were new, which were duplicates, and per student what changed. */
    public record Ingested(int received, int applied, List<String> duplicates, List<StudentChange> students) {
    }

    private final EvidenceLog log;
    private final BktParameters parameters;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Built once per stored school (records compare by value; the store hands out the same one). */
    private final Map<Schools.SchoolRecord, SkillGraph> graphs = java.util.Collections.synchronizedMap(
            new java.util.IdentityHashMap<>());

    public EvidenceService(EvidenceLog log, BktParameters parameters) {
        this.log = log;
        this.parameters = parameters;
    }

    /**
     * Validates and applies a batch; committed before it returns.
     *
     * @throws InvalidInputException every problem of the batch, with its JSON path; nothing is written
     */
    public Ingested ingest(Schools.SchoolRecord school, Batch batch) {
        DayProblem standing = school.standing();
        SkillGraph graph = graphs.computeIfAbsent(school, s -> SkillGraph.of(s.standing().skills(),
                s.standing().prerequisites()));
        List<Result> results = check(standing, graph, batch);
        List<String> eventIds = results.stream().map(Result::eventId).toList();
        Set<String> studentIds = new TreeSet<>(results.stream().map(Result::studentId).toList());
        double threshold = standing.masteryThreshold();
        // One batch of a school at a time: two batches about one student must not both start from the same estimate.
        ReentrantLock lock = locks.computeIfAbsent(school.id(), k -> new ReentrantLock());
        lock.lock();
        try {
            return log.ingest(school.id(), eventIds, studentIds, (known, mastery) ->
                    apply(results, known, mastery, graph, threshold));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} while no evidence batch of the school runs (an erasure: a batch committing during it could
     * write the student's rows back).
     */
    public <T> T exclusive(String schoolId, java.util.function.Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(schoolId, k -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private EvidenceLog.IngestWrite<Ingested> apply(List<Result> results, Set<String> known,
            Map<String, Map<String, MasteryRow>> mastery, SkillGraph graph, double threshold) {
        Instant now = Instant.now();
        List<String> duplicates = new ArrayList<>();
        Set<String> seen = new HashSet<>(known);
        List<Result> fresh = new ArrayList<>();
        for (Result r : results) {
            if (seen.add(r.eventId())) {
                fresh.add(r);
            } else {
                duplicates.add(r.eventId());
            }
        }
        fresh.sort(Comparator.comparing((Result r) -> r.observedAt().toInstant()).thenComparing(Result::eventId));

        Map<String, Map<String, MasteryRow>> after = new HashMap<>();
        Map<String, Map<String, double[]>> changes = new LinkedHashMap<>(); // student -> skill -> {before, after}
        List<EvidenceRow> rows = new ArrayList<>();
        for (Result r : fresh) {
            Map<String, MasteryRow> current = after.computeIfAbsent(r.studentId(), k -> new HashMap<>());
            MasteryRow row = current.getOrDefault(r.skillId(), mastery.getOrDefault(r.studentId(), Map.of())
                    .get(r.skillId()));
            double before = row == null ? parameters.pInit() : row.pMastery();
            int items = r.items() == null ? 1 : r.items();
            double p = r.correct() != null ? Bkt.update(before, r.correct(), parameters)
                    : Bkt.update(before, r.score(), items, parameters);
            current.put(r.skillId(), new MasteryRow(r.skillId(), p, (row == null ? 0 : row.observations()) + items,
                    now));
            changes.computeIfAbsent(r.studentId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.skillId(), k -> new double[] {before, p})[1] = p;
            rows.add(new EvidenceRow(r.eventId(), r.studentId(), r.skillId(), r.correct(), r.score(), items,
                    r.observedAt().toInstant(), r.source(), now, before, p));
        }

        List<StudentChange> students = new ArrayList<>();
        changes.forEach((studentId, bySkill) -> {
            Map<String, MasteryRow> old = mastery.getOrDefault(studentId, Map.of());
            Map<String, MasteryRow> updated = new HashMap<>(old);
            updated.putAll(after.get(studentId));
            Set<String> readyBefore = graph.readySet(skill -> valueOf(old, skill), threshold);
            Set<String> readyAfter = graph.readySet(skill -> valueOf(updated, skill), threshold);
            List<MasteryChange> list = new ArrayList<>();
            bySkill.forEach((skill, ba) -> list.add(new MasteryChange(skill, round(ba[0]), round(ba[1]))));
            students.add(new StudentChange(studentId, list, difference(readyAfter, readyBefore),
                    difference(readyBefore, readyAfter)));
        });
        return new EvidenceLog.IngestWrite<>(rows, after, new Ingested(results.size(), fresh.size(), duplicates,
                students));
    }

    private static double valueOf(Map<String, MasteryRow> rows, String skill) {
        MasteryRow r = rows.get(skill);
        return r == null ? 0 : r.pMastery();
    }

    private static List<String> difference(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).sorted().toList();
    }

    private static double round(double p) {
        return Math.round(p * 10_000) / 10_000.0;
    }

    /** A batch is one transaction: this many results at most, so one batch never holds the store for long. */
    public static final int MAX_RESULTS = 10_000;

    /** Every problem of the batch with its JSON path; the batch's results when there is none. */
    static List<Result> check(DayProblem standing, SkillGraph graph, Batch batch) {
        List<InputError> errors = new ArrayList<>();
        if (batch == null || batch.results() == null || batch.results().isEmpty()) {
            throw new InvalidInputException("request body", List.of(new InputError("$.results",
                    "send at least one result")));
        }
        if (batch.results().size() > MAX_RESULTS) {
            throw new InvalidInputException("request body", List.of(new InputError("$.results", "holds "
                    + batch.results().size() + " results; send at most " + MAX_RESULTS + " per batch")));
        }
        Set<String> students = new HashSet<>();
        standing.students().forEach(s -> students.add(s.id()));
        for (int i = 0; i < batch.results().size(); i++) {
            Result r = batch.results().get(i);
            String at = "$.results[" + i + "]";
            if (r == null) {
                errors.add(new InputError(at, "missing result"));
                continue;
            }
            if (r.eventId() == null || r.eventId().isBlank()) {
                errors.add(new InputError(at + ".eventId", "missing: each result needs the sender's event id"));
            } else if (r.eventId().length() > org.regroup.domain.io.Limits.EVENT_ID) {
                errors.add(new InputError(at + ".eventId", "longer than " + org.regroup.domain.io.Limits.EVENT_ID
                        + " characters"));
            }
            if (r.studentId() == null || !students.contains(r.studentId())) {
                errors.add(new InputError(at + ".studentId", "unknown student '" + r.studentId() + "'"));
            }
            if (r.skillId() == null || !graph.contains(r.skillId())) {
                errors.add(new InputError(at + ".skillId", "unknown skill '" + r.skillId() + "'"));
            }
            if ((r.correct() == null) == (r.score() == null)) {
                errors.add(new InputError(at, "give either correct (true/false) or score (0 to 1), not both"));
            } else if (r.score() != null && !(r.score() >= 0 && r.score() <= 1)) {
                errors.add(new InputError(at + ".score", "must be between 0 and 1, was " + r.score()));
            }
            if (r.items() != null && r.items() < 1) {
                errors.add(new InputError(at + ".items", "must be at least 1, was " + r.items()));
            }
            if (r.correct() != null && r.items() != null && r.items() != 1) {
                errors.add(new InputError(at + ".items", "a right-or-wrong result is one item; send a score for "
                        + r.items()));
            }
            if (r.observedAt() == null) {
                errors.add(new InputError(at + ".observedAt", "missing: when the student answered"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("request body", errors);
        }
        return batch.results();
    }
}
