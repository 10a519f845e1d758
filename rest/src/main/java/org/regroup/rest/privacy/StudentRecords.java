package org.regroup.rest.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.regroup.domain.Request;
import org.regroup.domain.Student;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.PlanStatus;
import org.regroup.domain.plan.StudentDay;
import org.regroup.domain.plan.Unplaced;
import org.regroup.domain.plan.Violation;
import org.regroup.rest.days.EvidenceService;
import org.regroup.rest.days.MidDayChange;
import org.regroup.rest.days.PlanRecipe;
import org.regroup.rest.days.StoredVersions;
import org.regroup.rest.plans.PlanService;
import org.regroup.solver.replan.Pin;
import org.regroup.store.AuditLog;
import org.regroup.store.CalendarFeeds;
import org.regroup.store.Erasure;
import org.regroup.store.EvidenceLog;
import org.regroup.store.PlanVersions;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;
import org.regroup.store.StudentPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One student's record in a school: everything the store holds about them, as one document (export), and erasing it
 * (docs/privacy.md).
 */
public final class StudentRecords {

    private static final Logger LOG = LoggerFactory.getLogger(StudentRecords.class);

    public static final String FORMAT = "regroup/student-record";
    public static final int VERSION = 1;

    /**
     * Everything the store holds about one student.
     *
     * @param profile   their entry in the school's standing data (name, grade, goals, accommodations, interests,
     *                  preferences, commitments, starting mastery…)
     * @param requests  requests about their day in the standing data
     * @param mastery   current mastery per skill
     * @param evidence  every evidence event, oldest first, with mastery before and after
     * @param absences  the days a day's input lists them absent
     * @param plans     each stored version of a day's plan that places or names them: their day in it
     * @param plansWithoutSchool days planned without a school by the school's accounts that name them
     * @param accounts  their own account and their guardians' (ids, usernames and roles only)
     * @param audit     audit log entries naming them (not whole-school reads)
     * @param goalsSet  the goals they set with their advisor (who set them, when), null when none were set
     * @param dayRequests requests for a session on a day made by them, their guardians or staff
     * @param attendance their attendance as taken on published days (status, by which account, when)
     * @param calendarFeeds their calendar subscription feeds, revoked ones too (never the feeds' addresses)
     */
    public record StudentRecord(String format, int version, String schoolId, String studentId, Instant exportedAt,
            Student profile, List<Request> requests, List<EvidenceLog.MasteryRow> mastery,
            List<EvidenceLog.EvidenceRow> evidence, List<LocalDate> absences, List<PlanEntry> plans,
            List<ScratchEntry> plansWithoutSchool, List<LinkedAccount> accounts, List<AuditLog.Entry> audit,
            StudentPaths.GoalSet goalsSet, List<StudentPaths.DayRequest> dayRequests,
            List<org.regroup.store.AttendanceLog.Mark> attendance, List<CalendarFeeds.Feed> calendarFeeds) {
    }

    /**
     * Their day in one stored version: each block's entry (status, session, focus, modality, adult, space), the
     * blocks they could not be placed in and why, the rules broken that involve them (which rule, where; not the
     * other students involved), the overrides of their placements this version keeps, and the block from which they
     * went home (a mid-day change).
     *
     * @param source "plan", or "checkpoint" for a version with no plan (solving, interrupted)
     */
    public record PlanEntry(LocalDate day, int version, PlanStatus status, Instant createdAt, Instant updatedAt,
            String source, List<StudentDay.Entry> blocks, List<Unplaced> unplaced, List<RuleBroken> rulesBroken,
            List<Pin> overrides, String wentHomeFrom) {
    }

    /** A rule a plan breaks that involves the student: the rule, its level, the blocks. */
    public record RuleBroken(String rule, Violation.Level level, List<String> blocks) {
    }

    /** Their day in a day planned without a school ({@code /api/plans/{id}}). */
    public record ScratchEntry(String id, Instant createdAt, List<StudentDay.Entry> blocks) {
    }

    public record LinkedAccount(String id, String username, String role) {
    }

    /**
     * What an erasure did: rows deleted per kind, stored documents rewritten per kind, and the audit entries that
     * name the student and are kept (the record of who read their record, and that it was erased).
     */
    public record Erased(String schoolId, String studentId, Instant erasedAt, Map<String, Integer> removed,
            Map<String, Integer> anonymized, int auditEntriesKept) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SchoolStore store;
    private final EvidenceService evidence;
    private final StoredVersions stored;
    private final PlanService plans;
    private final Clock clock;

    public StudentRecords(SchoolStore store, EvidenceService evidence, StoredVersions stored, PlanService plans,
            Clock clock) {
        this.store = store;
        this.evidence = evidence;
        this.stored = stored;
        this.plans = plans;
        this.clock = clock;
    }

    /** The student's record; empty when the school has no such student. */
    public Optional<StudentRecord> export(Schools.SchoolRecord school, String studentId) {
        Optional<Student> student = student(school, studentId);
        if (student.isEmpty()) {
            return Optional.empty();
        }
        String id = school.id();
        List<Request> requests = school.standing().requests().stream()
                .filter(r -> studentId.equals(r.studentId())).toList();
        List<EvidenceLog.MasteryRow> mastery = store.evidence().mastery(id, studentId).values().stream()
                .sorted(java.util.Comparator.comparing(EvidenceLog.MasteryRow::skillId)).toList();
        List<LocalDate> absences = store.schools().dayInputsNaming(id, studentId).stream()
                .map(Schools.DatedInput::day).toList();
        List<PlanEntry> entries = new ArrayList<>();
        store.versions().eachVersionNaming(id, studentId, v -> entry(v, studentId).ifPresent(entries::add));
        List<ScratchEntry> scratch = new ArrayList<>();
        store.versions().eachScratchNaming(id, studentId, s -> {
            List<StudentDay.Entry> blocks = s.plan() == null ? List.of() : dayOf(read(s.plan(), Plan.class),
                    studentId);
            scratch.add(new ScratchEntry(s.id(), s.createdAt(), blocks));
        });
        List<LinkedAccount> accounts = store.accounts().linkedTo(id, studentId).stream()
                .map(a -> new LinkedAccount(a.id(), a.username(), a.role().wire())).toList();
        return Optional.of(new StudentRecord(FORMAT, VERSION, id, studentId, clock.instant(), student.get(),
                requests, mastery, store.evidence().evidence(id, studentId), absences, entries, scratch, accounts,
                store.audit().naming(id, studentId), store.paths().goals(id, studentId).orElse(null),
                store.paths().requestsFor(id, studentId), store.attendance().marksOf(id, studentId),
                store.calendarFeeds().of(id, CalendarFeeds.Kind.STUDENT, studentId)));
    }

    private static Optional<PlanEntry> entry(PlanVersions.VersionDocuments v, String studentId) {
        String document = v.plan() != null ? v.plan() : v.checkpoint();
        Plan plan = document == null ? null : read(document, Plan.class);
        PlanRecipe recipe = v.recipe() == null ? null : read(v.recipe(), PlanRecipe.class);
        List<StudentDay.Entry> blocks = plan == null ? List.of() : dayOf(plan, studentId);
        List<Unplaced> unplaced = plan == null ? List.of() : plan.unplaced().stream()
                .filter(u -> studentId.equals(u.studentId())).toList();
        List<RuleBroken> violations = plan == null ? List.of() : plan.violations().stream()
                .filter(x -> x.students().contains(studentId))
                .map(x -> new RuleBroken(x.rule(), x.level(), x.blocks())).toList();
        List<Pin> overrides = recipe == null ? List.of() : recipe.pins().stream()
                .filter(p -> studentId.equals(p.studentId())).toList();
        String wentHome = null;
        if (recipe != null) {
            List<MidDayChange> changes = new ArrayList<>(recipe.lateChanges());
            if (recipe.change() != null) {
                changes.add(0, recipe.change());
            }
            wentHome = changes.stream().filter(c -> c.studentsGone().contains(studentId))
                    .map(MidDayChange::fromBlock).findFirst().orElse(null);
        }
        if (blocks.isEmpty() && unplaced.isEmpty() && violations.isEmpty() && overrides.isEmpty()
                && wentHome == null) {
            return Optional.empty(); // the id only matched something else (a staff id, say)
        }
        return Optional.of(new PlanEntry(v.day(), v.version(), v.status(), v.createdAt(), v.updatedAt(),
                v.plan() != null ? "plan" : "checkpoint", blocks, unplaced, violations, overrides, wentHome));
    }

    private static List<StudentDay.Entry> dayOf(Plan plan, String studentId) {
        return plan.students().stream().filter(s -> studentId.equals(s.studentId())).findFirst()
                .map(StudentDay::blocks).orElse(List.of());
    }

    /**
     * Erases the student's record in one transaction (see {@link Erasure} and {@link Anonymizer}); empty when the
     * school has no such student.
     *
     * @throws Erasure.StillSolvingException while a plan of the school is solving
     */
    public Optional<Erased> erase(Schools.SchoolRecord school, String studentId) {
        Optional<Student> student = student(school, studentId);
        if (student.isEmpty()) {
            return Optional.empty();
        }
        String opaque = "erased-" + HexFormat.of().formatHex(bytes());
        Anonymizer anonymizer = new Anonymizer(studentId, student.get().name(), opaque);
        Optional<Erasure.Erased> erased = evidence.exclusive(school.id(),
                () -> store.erasure().erase(school.id(), studentId, anonymizer));
        if (erased.isEmpty()) {
            return Optional.empty();
        }
        // What was read before is kept parsed in memory: drop it, so reads come from the rewritten store.
        stored.forget(school.id());
        store.versions().planIds(school.id()).forEach(plans::forgetFinished);
        store.versions().scratchPlans(Integer.MAX_VALUE, null, school.id()).forEach(s ->
                plans.forgetFinished(s.id()));
        Erasure.Erased e = erased.get();
        Map<String, Integer> removed = new LinkedHashMap<>();
        removed.put("profile", 1);
        removed.put("mastery", e.mastery());
        removed.put("evidence", e.evidence());
        removed.put("accounts", e.accounts());
        removed.put("guardianLinks", e.guardianLinks());
        removed.put("goals", e.goals());
        removed.put("dayRequests", e.dayRequests());
        removed.put("attendance", e.attendance());
        removed.put("calendarFeeds", e.calendarFeeds());
        Map<String, Integer> anonymized = new LinkedHashMap<>();
        anonymized.put("dayInputs", e.dayInputs());
        anonymized.put("planVersions", e.planVersions());
        anonymized.put("checkpoints", e.checkpoints());
        anonymized.put("plansWithoutSchool", e.scratchPlans());
        int audit = store.audit().naming(school.id(), studentId).size();
        LOG.info("school {}: a student's record erased (removed {}, anonymized {})", school.id(), removed,
                anonymized);
        return Optional.of(new Erased(school.id(), studentId, clock.instant(), removed, anonymized, audit));
    }

    private static byte[] bytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }

    private static Optional<Student> student(Schools.SchoolRecord school, String studentId) {
        return school.standing().students().stream().filter(s -> s.id().equals(studentId)).findFirst();
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
