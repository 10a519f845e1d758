package org.regroup.rest.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.regroup.domain.Accommodations;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Goal;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.Student;
import org.regroup.domain.graph.SkillGraph;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.Limits;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.days.EvidenceService;
import org.regroup.rest.errors.ApiException;
import org.regroup.rest.errors.UnreadableBodyException;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.store.EvidenceLog;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;

/**
 * A school's workspace in the store: its standing data, the evidence log and each student's learner profile. Every
 * write is committed before the 2xx.
 */
@Path("/api/schools")
@Produces(MediaType.APPLICATION_JSON)
public final class SchoolResource {

    public record SchoolView(String id, String name, int students, int staff, int skills, long evidence,
            Instant createdAt) {
    }

    /** One skill of a learner profile: the estimate and how it came to be. */
    public record SkillProfile(String skillId, double mastery, int observations, boolean mastered, boolean ready,
            List<HistoryEntry> history) {
    }

    public record HistoryEntry(String eventId, Instant observedAt, Boolean correct, Double score, int items,
            String source, double before, double after) {
    }

    public record Profile(String schoolId, String studentId, String name, Integer grade, double masteryThreshold,
            List<String> readySet, List<Goal> goals, Accommodations accommodations, List<SkillProfile> skills) {
    }

    @Inject
    SchoolStore store;
    @Inject
    EvidenceService evidence;
    @Inject
    ServerLimits limits;

    /** Creates a school from a day problem (its date, if any, is ignored): 201 with its location; 409 if taken. */
    @BodyLimit(bytes = BodyLimit.SERVER)
    @POST
    @Access(Rule.SCHOOL_SETUP)
    @Path("{school}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a school from its standing data (a day problem)")
    public Response create(@PathParam("school") String id, InputStream body, @Context UriInfo uri) throws IOException {
        if (!id.matches("[A-Za-z0-9_-]{1," + Limits.SCHOOL_ID + "}")) {
            throw ApiException.badRequest("a school id is 1 to " + Limits.SCHOOL_ID + " letters, digits, '-' or '_'"
                    + (id.length() > 80 ? "" : ", was '" + id + "'"));
        }
        byte[] json = body.readAllBytes(); // within BodyLimits' bounds
        DayProblem standing;
        try {
            standing = DayProblemReader.parseOnly(json, "request body");
        } catch (InvalidInputException unreadable) {
            throw new UnreadableBodyException(unreadable);
        }
        standing = DayPlanBuilder.validated(standing, "request body");
        String name = standing.school() == null ? null : standing.school().name();
        try {
            store.schools().createSchool(id, name, standing);
        } catch (Schools.SchoolExistsException taken) {
            throw ApiException.conflict(taken.getMessage());
        }
        URI location = uri.getBaseUriBuilder().path("api/schools").path(id).build();
        return Response.created(location).entity(view(school(id))).build();
    }

    @GET
    @Access(Rule.SIGNED_IN)
    @Operation(summary = "The ids of the schools the account may see (every school for the district)")
    public List<String> list(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext context) {
        org.regroup.rest.auth.SignedIn who = org.regroup.rest.auth.Callers.who(context);
        return store.schools().schoolIds().stream().filter(id -> who == null || who.of(id)).toList();
    }

    @GET
    @Access(Rule.SCHOOL_READ)
    @Path("{school}")
    @Operation(summary = "One school's counts of students, staff, skills and evidence")
    public SchoolView get(@PathParam("school") String id) {
        return view(school(id));
    }

    /**
     * A batch of assessment results: mastery updated by BKT, the ready sets recomputed; the answer lists, per student,
     * mastery changes and skills that entered or left the ready set. Re-sent event ids are listed, not counted.
     */
    @BodyLimit(bytes = BodyLimits.EVIDENCE)
    @POST
    @Access(Rule.EVIDENCE)
    @Path("{school}/evidence")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a batch of assessment results; mastery and ready sets follow")
    public EvidenceService.Ingested evidence(@PathParam("school") String id, EvidenceService.Batch batch) {
        Schools.SchoolRecord school = school(id);
        storedText(batch);
        return evidence.ingest(school, batch);
    }

    /** What the evidence log keeps in columns of a fixed size, checked before anything is stored ({@link Limits}). */
    private static void storedText(EvidenceService.Batch batch) {
        if (batch == null || batch.results() == null) {
            return;
        }
        List<InputError> errors = new ArrayList<>();
        for (int i = 0; i < batch.results().size(); i++) {
            EvidenceService.Result r = batch.results().get(i);
            if (r != null) {
                String at = "$.results[" + i + "]";
                Limits.text(errors, at + ".eventId", r.eventId(), Limits.EVENT_ID);
                Limits.text(errors, at + ".studentId", r.studentId(), Limits.STUDENT_ID);
                Limits.text(errors, at + ".skillId", r.skillId(), Limits.SKILL_ID);
                Limits.text(errors, at + ".source", r.source(), Limits.EVIDENCE_SOURCE);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("request body", errors);
        }
    }

    /** The learner profile: mastery per skill with its history, the ready set, goals and accommodations. */
    @GET
    @Access(Rule.PROFILE)
    @Path("{school}/students/{studentId}/profile")
    @Operation(summary = "A student's learner profile: mastery per skill with its history, ready set, goals")
    public Profile profile(@PathParam("school") String id, @PathParam("studentId") String studentId) {
        Schools.SchoolRecord school = school(id);
        DayProblem standing = school.standing();
        Student student = standing.students().stream().filter(s -> s.id().equals(studentId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no student '" + studentId + "' in school " + id));
        Map<String, EvidenceLog.MasteryRow> mastery = store.evidence().mastery(id, studentId);
        Map<String, List<HistoryEntry>> history = new LinkedHashMap<>();
        for (EvidenceLog.EvidenceRow e : store.evidence().evidence(id, studentId)) {
            history.computeIfAbsent(e.skillId(), k -> new ArrayList<>()).add(new HistoryEntry(e.eventId(),
                    e.observedAt(), e.correct(), e.score(), e.items(), e.source(), e.pBefore(), e.pAfter()));
        }
        double threshold = standing.masteryThreshold();
        SkillGraph graph = SkillGraph.of(standing.skills(), standing.prerequisites());
        Set<String> ready = graph.readySet(skill -> {
            EvidenceLog.MasteryRow r = mastery.get(skill);
            return r == null ? 0 : r.pMastery();
        }, threshold);
        List<SkillProfile> skills = new ArrayList<>();
        mastery.values().stream().sorted(java.util.Comparator.comparing(EvidenceLog.MasteryRow::skillId))
                .forEach(r -> skills.add(new SkillProfile(r.skillId(), r.pMastery(), r.observations(),
                        r.pMastery() >= threshold, ready.contains(r.skillId()),
                        history.getOrDefault(r.skillId(), List.of()))));
        // goals the student set with their advisor stand over the standing data's (as the day is planned with them)
        List<Goal> goals = store.paths().goals(id, studentId).map(org.regroup.store.StudentPaths.GoalSet::goals)
                .orElse(student.goals());
        return new Profile(id, studentId, student.name(), student.grade(), threshold, ready.stream().sorted().toList(),
                goals, student.accommodations(), skills);
    }

    private Schools.SchoolRecord school(String id) {
        return store.schools().school(id).orElseThrow(() -> ApiException.notFound("no school '" + id + "'"));
    }

    private SchoolView view(Schools.SchoolRecord s) {
        DayProblem d = s.standing();
        return new SchoolView(s.id(), s.name(), d.students().size(), d.staff().size(), d.skills().size(),
                store.evidence().evidenceCount(s.id()), s.createdAt());
    }
}
