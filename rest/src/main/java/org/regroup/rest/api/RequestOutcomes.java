package org.regroup.rest.api;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Request;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.plan.StudentDay;
import org.regroup.rest.plans.ReadablePlan;
import org.regroup.solver.constraints.Justifications;
import org.regroup.store.StudentPaths;

/**
 * What became of a request in a plan, read from the plan's own score analysis (a request the plan does not honour is
 * a match of "Request not honoured", or of "Admin-required request not honoured"): honoured; not honoured, with what
 * the student has instead and the higher rung that won the block, if one did; set aside (the student is not in school
 * then); or waiting (the plan was made before the request).
 */
final class RequestOutcomes {

    /** A block of the student's day in plain words (what, how, with whom), as the day card says it. */
    public record Instead(String blockId, String what, String how, String withWhom) {
    }

    /**
     * {@code status}: {@code honoured}, {@code not-honoured}, {@code set-aside}, {@code waiting}; {@code version}:
     * the plan version read; {@code instead}: the student's blocks that the request asked about; {@code wonBy}: the
     * rung of another honoured request about the student in that block that outranks this one ({@code teacher},
     * {@code admin-required}), null when none did (the day's other needs won).
     */
    public record Outcome(String status, Integer version, String inWords, List<Instead> instead, String wonBy) {
    }

    /** The outcomes in one plan (its analysis read once). */
    private final ReadablePlan plan;
    private final Integer version;
    private final Set<String> inPlan;
    private final Set<String> notHonoured;
    private final Map<String, StudentDay> days;

    RequestOutcomes(ReadablePlan plan, Integer version) {
        this.plan = plan;
        this.version = version;
        this.inPlan = plan.problem().requests().stream().map(Request::id).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        this.notHonoured = new HashSet<>();
        for (ConstraintAnalysis<HardMediumSoftScore> c : plan.analysis().constraintAnalyses()) {
            if (c.matches() != null) {
                for (MatchAnalysis<HardMediumSoftScore> m : c.matches()) {
                    if (m.justification() instanceof Justifications.RequestIgnored ignored) {
                        notHonoured.add(ignored.requestId());
                    }
                }
            }
        }
        this.days = plan.plan().students().stream().collect(Collectors.toMap(StudentDay::studentId,
                Function.identity(), (a, b) -> a));
    }

    /** No plan to read yet (none published, or still solving). */
    static Outcome waiting(String why) {
        return new Outcome("waiting", null, why, List.of(), null);
    }

    Outcome of(StudentPaths.DayRequest r) {
        if (!inPlan.contains(r.id())) {
            return new Outcome("waiting", version, "asked after plan version " + version + " was made; it counts "
                    + "when the day is planned again", List.of(), null);
        }
        StudentDay day = days.get(r.studentId());
        List<StudentDay.Entry> asked = day == null ? List.of() : day.blocks().stream()
                .filter(e -> r.blockId() == null || r.blockId().equals(e.blockId())).toList();
        boolean inSchool = asked.stream().anyMatch(e -> e.status() != StudentDay.Status.ABSENT
                && e.status() != StudentDay.Status.COMMITMENT);
        if (!inSchool) {
            return new Outcome("set-aside", version, "not in school then: nothing to honour", List.of(), null);
        }
        if (!notHonoured.contains(r.id())) {
            return new Outcome("honoured", version, "honoured in plan version " + version, List.of(), null);
        }
        List<Instead> instead = asked.stream().filter(e -> e.status() == StudentDay.Status.PLACED
                || e.status() == StudentDay.Status.CATCH_ALL).map(this::inWords).toList();
        String wonBy = outrankedBy(r);
        return new Outcome("not-honoured", version, wonBy != null ? "a " + wonBy + " request for the same time won"
                : "the day's other needs won (groups, staff and rooms for everyone)", instead, wonBy);
    }

    /** The highest rung of another honoured request about the student in the asked block that outranks {@code r}. */
    private String outrankedBy(StudentPaths.DayRequest r) {
        return plan.problem().requests().stream()
                .filter(o -> r.studentId().equals(o.studentId()) && !r.id().equals(o.id()) && o.id() != null
                        && !notHonoured.contains(o.id()))
                .filter(o -> r.blockId() == null || o.blockId() == null || r.blockId().equals(o.blockId()))
                .map(Request::priorityOrDefault)
                .filter(p -> p.ordinal() < r.priority().ordinal())
                .min(Enum::compareTo).map(RequestOutcomes::wire).orElse(null);
    }

    private Instead inWords(StudentDay.Entry e) {
        DayProblem p = plan.problem();
        String what = e.focus() == null ? null : e.focus().name() != null ? e.focus().name() : e.focus().id();
        var modalities = org.regroup.domain.catalog.ModalityCatalog.of(p.modalities());
        String how = e.modality() == null ? null : modalities.contains(e.modality())
                && modalities.get(e.modality()).name() != null ? modalities.get(e.modality()).name() : e.modality();
        String with = e.staffId() == null ? null : p.staff().stream().filter(s -> s.id().equals(e.staffId()))
                .map(s -> s.name()).filter(Objects::nonNull).findFirst().orElse(null);
        return new Instead(e.blockId(), what, how, with);
    }

    static String wire(RequestPriority p) {
        return p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
