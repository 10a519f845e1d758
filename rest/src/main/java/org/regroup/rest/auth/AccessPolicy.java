package org.regroup.rest.auth;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.regroup.rest.plans.Owner;
import org.regroup.rest.scenarios.ScenarioService;
import org.regroup.store.CalendarFeeds;
import org.regroup.store.PlanVersions;
import org.regroup.store.Role;
import org.regroup.store.SchoolStore;

/**
 * Every access decision of the API, in one place: given a {@link Rule}, who asks and the request's path parameters,
 * allow, refuse (403), or answer as if it did not exist (404, where existence itself would tell: a plan or what-if of
 * someone else, by its id). A school-addressed request outside the account's school is 403: the school is in the
 * address the caller typed, so 403 tells them nothing new; a student or adult outside a teacher's groups is 403 too,
 * decided before anything is looked up, so it does not tell whether that student exists.
 */
public final class AccessPolicy {

    /** A refusal: the status (403 or 404) and the sentence for the caller. */
    public record Refusal(int status, String detail) {
    }

    private final SchoolStore store;
    private final ScenarioService scenarios;
    private final TeachingGroups groups;
    private final Clock clock;

    public AccessPolicy(SchoolStore store, ScenarioService scenarios, Clock clock) {
        this.store = store;
        this.scenarios = scenarios;
        this.groups = new TeachingGroups(store.versions());
        this.clock = clock;
    }

    /**
     * Whether {@code who} (signed in) may do what {@code rule} covers at the address whose parameters are
     * {@code path} ({@code school}, {@code date}, {@code studentId}, {@code staffId}, {@code id}, and the query's
     * {@code ?version}); empty when allowed.
     */
    public Optional<Refusal> decide(Rule rule, SignedIn who, Map<String, String> path) {
        String school = path.get("school");
        boolean admin = who.districtAdmin() || (who.role() == Role.SCHOOL_ADMIN && who.of(school));
        boolean reader = admin || (who.role() == Role.PRINCIPAL && who.of(school));
        return switch (rule) {
            case PUBLIC, SIGNED_IN, CALENDAR_FEED -> allow();
            case CALENDAR_FEEDS -> who.of(school) ? allow()
                    : forbidden(who, school, "a school's calendar feeds are managed by its accounts");
            case SKILL_MAP -> who.districtAdmin() || who.of(school) ? allow()
                    : forbidden(who, school, "only the school's own people");
            case SCHOOL_SETUP, SCHOOL_PLANNING, ACCOUNTS, AUDIT, PRIVACY -> admin ? allow()
                    : forbidden(who, school, "only the school's administrators");
            case SCHOOL_READ -> reader ? allow() : forbidden(who, school, "only the school's administrators and "
                    + "principal");
            case EVIDENCE -> admin || (who.role() == Role.TEACHER && who.of(school)) ? allow()
                    : forbidden(who, school, "only the school's administrators and teachers (for their students)");
            case ATTENDANCE -> admin || (who.role() == Role.TEACHER && who.of(school)) ? allow()
                    : forbidden(who, school, "attendance is taken by the school's administrators and teachers (for "
                            + "the students in their groups)");
            case ROSTER -> reader ? allow() : who.role() == Role.TEACHER && who.of(school)
                    && same(who.personId(), path.get("staffId")) ? published(school, path)
                    : forbidden(who, school, "a roster is read by its adult and the school's administrators");
            case DAY_CARD -> reader ? allow() : student(who, school, path.get("studentId"),
                    () -> groups.on(school, date(path.get("date")), who.personId())) ? published(school, path)
                    : forbidden(who, school, "a day card is read by the student, their guardians, their teachers "
                            + "that day and the school's administrators");
            case PROFILE -> reader || student(who, school, path.get("studentId"),
                    () -> groups.latest(school, LocalDate.now(clock), who.personId())) ? allow()
                    : forbidden(who, school, "a profile is read by the student, their guardians, their teachers "
                            + "and the school's administrators");
            case DISTRICT -> who.districtAdmin() ? allow()
                    : forbidden(who, school, "only the district's administrators");
            case WHAT_IF -> who.districtAdmin() || who.role() == Role.SCHOOL_ADMIN || who.role() == Role.PRINCIPAL
                    ? allow() : Optional.of(new Refusal(403, "only administrators and principals plan days without "
                            + "a school or run what-ifs"));
            case PLAN_READ -> plan(who, path.get("id"), false);
            case PLAN_WRITE -> plan(who, path.get("id"), true);
            case STUDENT_PATH_READ -> reader || student(who, school, path.get("studentId"),
                    () -> advisesOrTeaches(who, school)) ? allow()
                    : forbidden(who, school, "a student's goals are read by the student, their guardians, their "
                            + "advisor and teachers, and the school's administrators");
            case GOALS_WRITE -> admin || (who.role() != Role.GUARDIAN && student(who, school, path.get("studentId"),
                    () -> advisesOrTeaches(who, school))) ? allow()
                    : forbidden(who, school, "a student's goals are set by the student with their advisor or "
                            + "teachers, or by the school's administrators; guardians read them");
            case DAY_REQUESTS_READ -> who.of(school) ? allow()
                    : forbidden(who, school, "a day's requests are read by the school's accounts");
            case DAY_REQUESTS_WRITE -> admin || (who.of(school) && ASKERS.contains(who.role())) ? allow()
                    : forbidden(who, school, "sessions are asked for by students, guardians, teachers and the "
                            + "school's administrators");
            case SCENARIO_READ -> owned(who, scenarios.find(path.get("id")).map(ScenarioService.Job::owner), false,
                    "no scenario '" + path.get("id") + "'");
        };
    }

    /** Who may ask for a session (for whom is decided by {@link #mayAskFor}). */
    private static final Set<Role> ASKERS = Set.of(Role.STUDENT, Role.GUARDIAN, Role.TEACHER);

    /**
     * Whether {@code who} may ask for a session for this student: an admin for any student of the school, a student
     * for themselves, a guardian for their children, a teacher for students they advise or teach (latest published
     * day). Decided on the request's body, after the gate ({@link Rule#DAY_REQUESTS_WRITE}).
     */
    public Optional<Refusal> mayAskFor(SignedIn who, String school, String studentId) {
        boolean admin = who.districtAdmin() || (who.role() == Role.SCHOOL_ADMIN && who.of(school));
        return admin || student(who, school, studentId, () -> advisesOrTeaches(who, school)) ? allow()
                : Optional.of(new Refusal(403, switch (who.role()) {
                    case STUDENT -> "a student asks for sessions for themselves only";
                    case GUARDIAN -> "a guardian asks for sessions for their own children only";
                    case TEACHER -> "a teacher asks for sessions for students they advise or teach";
                    default -> "only the school's administrators ask for sessions for any student";
                }));
    }

    /**
     * Whether {@code who} may make, see or revoke a calendar feed of this person: the school's admins anyone's, an
     * adult (teacher, principal) their own, a student their own, a guardian their children's. Decided after the gate
     * ({@link Rule#CALENDAR_FEEDS}) on the body or the feed.
     */
    public Optional<Refusal> mayManageFeed(SignedIn who, String school, CalendarFeeds.Kind kind, String personId) {
        boolean admin = who.districtAdmin() || (who.role() == Role.SCHOOL_ADMIN && who.of(school));
        boolean own = who.of(school) && switch (who.role()) {
            case TEACHER, PRINCIPAL -> kind == CalendarFeeds.Kind.ADULT && same(who.personId(), personId);
            case STUDENT -> kind == CalendarFeeds.Kind.STUDENT && same(who.personId(), personId);
            case GUARDIAN -> kind == CalendarFeeds.Kind.STUDENT && who.children().contains(personId);
            default -> false;
        };
        return admin || own ? allow() : Optional.of(new Refusal(403, "a calendar feed is made and revoked by its "
                + "adult, the student, their guardians or the school's administrators"));
    }

    /** The students a teacher advises (standing data) or has in their groups on the latest published day. */
    private Set<String> advisesOrTeaches(SignedIn who, String school) {
        Set<String> theirs = new java.util.HashSet<>(groups.latest(school, LocalDate.now(clock), who.personId()));
        store.schools().school(school).ifPresent(s -> s.standing().students().stream()
                .filter(st -> st.advisorId() != null && st.advisorId().equals(who.personId()))
                .forEach(st -> theirs.add(st.id())));
        return theirs;
    }

    /**
     * Whether a teacher may send evidence for these students: each must be in their groups on the latest published
     * day. (Admins may send any; others never reach this.)
     */
    public Optional<Refusal> evidence(SignedIn who, String school, Collection<String> studentIds) {
        if (who.role() != Role.TEACHER) {
            return allow();
        }
        Set<String> mine = groups.latest(school, LocalDate.now(clock), who.personId());
        for (String student : studentIds) {
            if (!mine.contains(student)) {
                return Optional.of(new Refusal(403, "a teacher sends evidence only for students in their groups; "
                        + "student " + student + " is not in yours on the latest published day"));
            }
        }
        return allow();
    }

    /** The students an adult's roster names on a day (for the audit log); empty when no plan is published. */
    public Set<String> rosterStudents(String school, String date, String staffId) {
        try {
            return groups.on(school, date(date), staffId);
        } catch (DateTimeParseException | NullPointerException e) {
            return Set.of();
        }
    }

    /**
     * Teachers, students and guardians read the day as published: another version ({@code ?version=N}, passed by
     * the filter as {@code ?version}) is the scheduler's draft.
     */
    private Optional<Refusal> published(String school, Map<String, String> path) {
        String asked = path.get("?version");
        if (asked == null) {
            return allow();
        }
        LocalDate day = date(path.get("date"));
        boolean isPublished = store.versions().latestPublishedBefore(school, day.plusDays(1))
                .filter(v -> v.day().equals(day) && String.valueOf(v.version()).equals(asked.trim())).isPresent();
        return isPublished ? allow() : Optional.of(new Refusal(403, "versions other than the published one are "
                + "drafts, read by the school's administrators and principal"));
    }

    private Optional<Refusal> plan(SignedIn who, String id, boolean write) {
        String missing = "no plan '" + id + "'";
        Optional<String[]> scratch = store.versions().scratchOwner(id);
        if (scratch.isPresent()) {
            return owned(who, Optional.of(new Owner(scratch.get()[0], scratch.get()[1])), write, missing);
        }
        Optional<PlanVersions.VersionAddress> day = store.versions().versionOfPlan(id);
        if (day.isPresent()) {
            // a school's day: as its versions' address would be (admins write, principals read)
            return owned(who, Optional.of(new Owner(null, day.get().schoolId())), write, missing);
        }
        return owned(who, Optional.empty(), write, missing);
    }

    /** Something with an owner: the owner and the district do anything; the owner's school's admin too. */
    private static Optional<Refusal> owned(SignedIn who, Optional<Owner> owner, boolean write, String missing) {
        if (who.districtAdmin()) {
            return allow(); // the resource answers 404 for what does not exist
        }
        if (owner.isEmpty()) {
            return Optional.of(new Refusal(404, missing));
        }
        Owner o = owner.get();
        if (o.accountId() != null && o.accountId().equals(who.accountId())) {
            return allow();
        }
        boolean sameSchool = o.schoolId() != null && o.schoolId().equals(who.schoolId());
        if (sameSchool && who.role() == Role.SCHOOL_ADMIN) {
            return allow();
        }
        if (sameSchool && who.role() == Role.PRINCIPAL) {
            return write ? Optional.of(new Refusal(403, "a principal reads the school's plans; the school's "
                    + "administrators change them")) : allow();
        }
        return Optional.of(new Refusal(404, missing));
    }

    private static boolean student(SignedIn who, String school, String studentId,
            java.util.function.Supplier<Set<String>> teachersStudents) {
        if (!who.of(school) || studentId == null) {
            return false;
        }
        return switch (who.role()) {
            case STUDENT -> studentId.equals(who.personId());
            case GUARDIAN -> who.children().contains(studentId);
            case TEACHER -> teachersStudents.get().contains(studentId);
            default -> false;
        };
    }

    private static LocalDate date(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException | NullPointerException e) {
            return LocalDate.of(1900, 1, 1); // no plan is published then: nobody's groups
        }
    }

    private static boolean same(String a, String b) {
        return a != null && a.equals(b);
    }

    private static Optional<Refusal> allow() {
        return Optional.empty();
    }

    private static Optional<Refusal> forbidden(SignedIn who, String school, String rule) {
        String where = who.of(school) ? "" : " (this account belongs to "
                + (who.schoolId() == null ? "no school" : "another school") + ")";
        return Optional.of(new Refusal(403, rule + where));
    }
}
