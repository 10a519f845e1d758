package org.regroup.rest.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.regroup.domain.Goal;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.Student;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Callers;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.auth.SignedIn;
import org.regroup.rest.errors.ApiException;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;
import org.regroup.store.StudentPaths;

/**
 * A student's goals, set by the student with their advisor (or the school's admins): checked against the school's
 * skill map, stored with who set them and when, and from then on over the standing data's goals — in the learner
 * profile and in every day planned after. Guardians read them.
 */
@Path("/api/schools/{school}/students/{studentId}/goals")
@Produces(MediaType.APPLICATION_JSON)
public final class StudentPathResource {

    /**
     * The student's goals: {@code source} "set" (by {@code setBy}, an account id and role, at {@code setAt}) or
     * "standing data" (as the school's data gives them; nobody set them here yet).
     */
    public record Goals(String schoolId, String studentId, List<Goal> goals, String source, SetBy setBy,
            Instant setAt) {
    }

    public record SetBy(String accountId, String role) {
    }

    @Inject
    SchoolStore store;
    @Inject
    Clock clock;

    @GET
    @Access(Rule.STUDENT_PATH_READ)
    @Operation(summary = "A student's goals, with who set them and when")
    public Goals get(@PathParam("school") String schoolId, @PathParam("studentId") String studentId) {
        Schools.SchoolRecord school = school(schoolId);
        Student student = PathChoices.student(school, studentId);
        return store.paths().goals(schoolId, studentId).map(set -> view(schoolId, set))
                .orElse(new Goals(schoolId, studentId, student.goals(), "standing data", null, null));
    }

    /** Sets (replaces) the goals: a list of {skill | strand, priority}; 422 naming each unknown id at its path. */
    @BodyLimit(bytes = BodyLimits.DAY_INPUT)
    @PUT
    @Access(Rule.GOALS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a student's goals (the student with their advisor, or an admin)")
    public Goals put(@PathParam("school") String schoolId, @PathParam("studentId") String studentId, List<Goal> goals,
            @Context SecurityContext context) {
        Schools.SchoolRecord school = school(schoolId);
        PathChoices.student(school, studentId);
        if (goals == null) {
            throw ApiException.invalidBody("send a list of goals: [{\"skill\": \"…\", \"priority\": 1}, "
                    + "{\"strand\": \"math/NF\"}] ([] for none)");
        }
        List<InputError> errors = PathChoices.check(school.standing(), goals);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("request body", errors);
        }
        SignedIn who = Callers.who(context);
        StudentPaths.GoalSet set = store.paths().setGoals(schoolId, studentId, goals,
                who == null ? null : who.accountId(), who == null ? "server" : who.role().wire(), clock.instant());
        return view(schoolId, set);
    }

    private static Goals view(String schoolId, StudentPaths.GoalSet set) {
        return new Goals(schoolId, set.studentId(), set.goals(), "set", new SetBy(set.setByAccount(),
                set.setByRole()), set.setAt());
    }

    private Schools.SchoolRecord school(String id) {
        return store.schools().school(id).orElseThrow(() -> ApiException.notFound("no school '" + id + "'"));
    }
}
