package org.regroup.rest.api;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.Student;
import org.regroup.domain.io.DayProblemValidator;
import org.regroup.domain.io.Limits;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.AccessPolicy;
import org.regroup.rest.auth.AuditTrail;
import org.regroup.rest.auth.Callers;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.auth.SignedIn;
import org.regroup.rest.days.SchoolDays;
import org.regroup.rest.days.StoredVersions;
import org.regroup.rest.errors.ApiException;
import org.regroup.store.Role;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;
import org.regroup.store.StudentPaths;

/**
 * Requests for a session on a day, made by a student for themselves, a guardian for their child, a teacher or an
 * admin: stored, merged into the day's requests when it is planned, each on the rung of the request ladder its
 * asker's role gives (student and guardian: {@code student}; teacher: {@code teacher}; admins choose, up to
 * {@code admin-required}). Listed with what became of each in the day's published plan, and how many other students
 * asked for the same (a count, never who).
 */
@Path("/api/schools/{school}/days/{date}/requests")
@Produces(MediaType.APPLICATION_JSON)
public final class DayRequestResource {

    /**
     * A request for a session: for whom (a student's own id by default; a guardian's only child by default), in which
     * block, on what (a skill, an activity or "advisory"), how (a modality), with whom (a staff id), a note; all but
     * one of block, focus, modality and staff may be left out. {@code priority}: only admins choose it.
     */
    public record Ask(String studentId, String blockId, String focus, String modality, String staffId, String note,
            String priority) {
    }

    /**
     * A stored request: what it asks in ids and in words, who asked (account id and role; {@code requestedBy} as the
     * plan says it), whether the caller made it ({@code mine}), how many other students asked for the same, and what
     * became of it in the day's published plan.
     */
    public record DayRequest(String id, LocalDate day, String studentId, String blockId, String focus,
            String modality, String staffId, String priority, String requestedBy, String note, String askedByAccount,
            String askedByRole, Instant createdAt, boolean mine, String inWords, int othersAsking,
            RequestOutcomes.Outcome outcome) {
    }

    /** Longest note kept with a request (the column's size). */
    static final int NOTE = 500;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SchoolStore store;
    @Inject
    SchoolDays days;
    @Inject
    StoredVersions stored;
    @Inject
    AccessPolicy policy;
    @Inject
    Clock clock;

    @GET
    @Access(Rule.DAY_REQUESTS_READ)
    @Operation(summary = "A day's requests for sessions, each with its outcome in the published plan (students and "
            + "guardians: their own)")
    public List<DayRequest> list(@PathParam("school") String schoolId, @PathParam("date") String date,
            @Context SecurityContext context, @Context ContainerRequestContext request) {
        Schools.SchoolRecord school = school(schoolId);
        LocalDate day = SchoolDayResource.date(date);
        SignedIn who = Callers.who(context);
        List<StudentPaths.DayRequest> all = store.paths().requests(schoolId, day);
        List<StudentPaths.DayRequest> shown = all.stream().filter(r -> sees(who, r.studentId())).toList();
        AuditTrail.naming(request, shown.stream().map(StudentPaths.DayRequest::studentId).toList());
        if (shown.isEmpty()) {
            return List.of();
        }
        RequestOutcomes outcomes = outcomes(school, day);
        Map<String, Set<String>> askers = all.stream().collect(Collectors.groupingBy(DayRequestResource::what,
                Collectors.mapping(StudentPaths.DayRequest::studentId, Collectors.toSet())));
        RequestWords words = new RequestWords(school.standing());
        return shown.stream().map(r -> view(r, who, words, (int) askers.get(what(r)).stream()
                .filter(s -> !s.equals(r.studentId())).count(), outcomes == null
                ? RequestOutcomes.waiting(noPlan(day)) : outcomes.of(r))).toList();
    }

    /** Asks for a session: 201 with the stored request; 422 naming each unknown id at its path. */
    @BodyLimit(bytes = BodyLimits.DAY_INPUT)
    @POST
    @Access(Rule.DAY_REQUESTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for a session on a day (a student for themselves, a guardian for their child, staff)")
    public Response ask(@PathParam("school") String schoolId, @PathParam("date") String date, Ask ask,
            @Context SecurityContext context, @Context ContainerRequestContext request, @Context UriInfo uri) {
        Schools.SchoolRecord school = school(schoolId);
        LocalDate day = SchoolDayResource.date(date);
        if (ask == null) {
            throw ApiException.invalidBody("send {\"blockId\": \"B2\", \"focus\": \"<skill id>\", \"modality\": "
                    + "\"small-group\", \"note\": \"…\"} (studentId for someone else)");
        }
        SignedIn who = Callers.who(context);
        String studentId = RequestLadder.forWhom(who, ask.studentId());
        AuditTrail.naming(request, List.of(studentId));
        if (who != null) {
            policy.mayAskFor(who, schoolId, studentId).ifPresent(refusal -> {
                throw new ApiException(Response.Status.fromStatusCode(refusal.status()), refusal.detail());
            });
        }
        if (day.isBefore(LocalDate.now(clock).minusDays(1))) {
            throw ApiException.unprocessable("the day " + day + " is over; ask for today or a day to come");
        }
        RequestPriority priority = RequestLadder.priority(who, ask.priority());
        Student student = school.standing().students().stream().filter(s -> s.id().equals(studentId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("request body", List.of(new InputError("$.studentId",
                        "unknown student '" + shortened(studentId) + "'"))));
        StudentPaths.DayRequest made = new StudentPaths.DayRequest("ask-" + HexFormat.of().formatHex(bytes()), day,
                studentId, blank(ask.blockId()), blank(ask.focus()), blank(ask.modality()), blank(ask.staffId()),
                priority, RequestLadder.requestedBy(who), blank(ask.note()), who == null ? null : who.accountId(),
                who == null ? "server" : who.role().wire(), clock.instant());
        check(school, day, made, student, who);
        store.paths().addRequest(schoolId, made);
        URI location = uri.getAbsolutePathBuilder().path(made.id()).build();
        int others = (int) store.paths().requests(schoolId, day).stream().filter(r -> what(r).equals(what(made)))
                .map(StudentPaths.DayRequest::studentId).filter(s -> !s.equals(studentId)).distinct().count();
        return Response.created(location).entity(view(made, who, new RequestWords(school.standing()), others,
                RequestOutcomes.waiting("asked; it counts when the day is planned"))).build();
    }

    /** Withdraws a request: by whoever made it, or an admin; 404 for one that is not there or not theirs. */
    @DELETE
    @Path("{requestId}")
    @Access(Rule.DAY_REQUESTS_WRITE)
    @Operation(summary = "Withdraw a request for a session (the one who made it, or an admin)")
    public Response withdraw(@PathParam("school") String schoolId, @PathParam("date") String date,
            @PathParam("requestId") String id, @Context SecurityContext context,
            @Context ContainerRequestContext request) {
        school(schoolId);
        LocalDate day = SchoolDayResource.date(date);
        SignedIn who = Callers.who(context);
        AuditTrail.naming(request, List.of());
        StudentPaths.DayRequest found = store.paths().request(schoolId, id).filter(r -> r.day().equals(day))
                .filter(r -> admin(who, schoolId) || (who != null && who.accountId().equals(r.accountId())))
                .orElseThrow(() -> ApiException.notFound("no request '" + shortened(id) + "' of yours on " + day));
        AuditTrail.naming(request, List.of(found.studentId()));
        store.paths().withdraw(schoolId, found.id());
        return Response.noContent().build();
    }

    /** What the student may choose from on the day: blocks, their ready and goal skills, activities, modalities. */
    @GET
    @Path("choices/{studentId}")
    @Access(Rule.STUDENT_PATH_READ)
    @Operation(summary = "What a student may ask for on a day: blocks, ready and goal skills, activities, modalities")
    public PathChoices.Choices choices(@PathParam("school") String schoolId, @PathParam("date") String date,
            @PathParam("studentId") String studentId) {
        Schools.SchoolRecord school = school(schoolId);
        SchoolDayResource.date(date);
        return PathChoices.choices(store, school, PathChoices.student(school, studentId));
    }

    /**
     * The request checked as the day problem checks its requests (every id known, an admin-required one not against
     * the student's accommodations), errors at the body's paths; a student's or guardian's skill must be one the
     * student is ready for or has as a goal.
     */
    private void check(Schools.SchoolRecord school, LocalDate day, StudentPaths.DayRequest made, Student student,
            SignedIn who) {
        List<InputError> errors = new ArrayList<>();
        if (made.blockId() == null && made.focus() == null && made.modality() == null && made.staffId() == null) {
            errors.add(new InputError("$", "ask for at least one of blockId, focus, modality, staffId"));
        }
        if (made.note() != null && made.note().length() > NOTE) {
            errors.add(new InputError("$.note", "at most " + NOTE + " characters, was " + made.note().length()));
        }
        for (String[] field : List.of(new String[] {"blockId", made.blockId()}, new String[] {"focus", made.focus()},
                new String[] {"modality", made.modality()}, new String[] {"staffId", made.staffId()})) {
            if (field[1] != null && field[1].length() > 64 && !field[0].equals("focus")) {
                errors.add(new InputError("$." + field[0], "unknown " + field[0] + " '" + shortened(field[1]) + "'"));
            }
        }
        Limits.text(errors, "$.focus", made.focus(), Limits.SKILL_ID);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("request body", errors);
        }
        boolean studentSide = who != null && (who.role() == Role.STUDENT || who.role() == Role.GUARDIAN);
        if (studentSide && made.focus() != null && school.standing().skills().stream()
                .anyMatch(k -> k.id().equals(made.focus()))) {
            var goals = PathChoices.goals(store, school, student);
            if (!PathChoices.askable(school.standing(), PathChoices.readySet(store, school, student.id()), goals)
                    .contains(made.focus())) {
                errors.add(new InputError("$.focus", "skill '" + made.focus() + "' is neither one the student is "
                        + "ready for nor one of their goals (GET …/requests/choices/" + student.id() + " lists them)"));
            }
        }
        DayProblem d = days.dayProblem(school, day);
        List<org.regroup.domain.Request> requests = new ArrayList<>(d.requests());
        requests.add(SchoolDays.request(made));
        String at = "$.requests[" + (requests.size() - 1) + "]";
        DayProblem with = new DayProblem(d.format(), d.version(), d.id(), d.date(), d.school(), d.blocks(), d.skills(),
                d.prerequisites(), d.modalities(), d.activities(), d.staff(), d.spaces(), d.students(), requests,
                d.weights());
        for (InputError e : DayProblemValidator.validate(with)) {
            if (e.path().equals(at) || e.path().startsWith(at + ".")) {
                errors.add(new InputError("$" + e.path().substring(at.length()), e.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("request body", errors);
        }
    }

    /** The outcomes in the day's published plan; null when there is none to read. */
    private RequestOutcomes outcomes(Schools.SchoolRecord school, LocalDate day) {
        try {
            StoredVersions.StoredVersion v = stored.read(school, day, null);
            return new RequestOutcomes(v, v.record().version());
        } catch (NoSuchElementException | StoredVersions.NoPlanYetException none) {
            return null;
        }
    }

    private static String noPlan(LocalDate day) {
        return "the day " + day + " has no published plan yet";
    }

    private DayRequest view(StudentPaths.DayRequest r, SignedIn who, RequestWords words, int others,
            RequestOutcomes.Outcome outcome) {
        return new DayRequest(r.id(), r.day(), r.studentId(), r.blockId(), r.focus(), r.modality(), r.staffId(),
                RequestOutcomes.wire(r.priority()), r.requestedBy(), r.note(), r.accountId(), r.role(), r.createdAt(),
                who != null && who.accountId().equals(r.accountId()), words.of(r), others, outcome);
    }

    /** The same thing asked: the same block, focus, modality and adult (each given or not alike). */
    private static String what(StudentPaths.DayRequest r) {
        return r.blockId() + "|" + r.focus() + "|" + r.modality() + "|" + r.staffId();
    }

    /** Students see requests about themselves, guardians about their children; staff see the day's every request. */
    private static boolean sees(SignedIn who, String studentId) {
        if (who == null) {
            return true;
        }
        return switch (who.role()) {
            case STUDENT -> studentId.equals(who.personId());
            case GUARDIAN -> who.children().contains(studentId);
            default -> true;
        };
    }

    private static boolean admin(SignedIn who, String school) {
        return who == null || who.districtAdmin() || (who.role() == Role.SCHOOL_ADMIN && who.of(school));
    }

    private Schools.SchoolRecord school(String id) {
        return store.schools().school(id).orElseThrow(() -> ApiException.notFound("no school '" + id + "'"));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String shortened(String id) {
        return id.length() <= 64 ? id : id.substring(0, 64) + "…";
    }

    private static byte[] bytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }
}
