package org.regroup.rest.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.io.Limits;
import org.regroup.rest.auth.SignedIn;
import org.regroup.rest.errors.ApiException;
import org.regroup.store.Role;

/**
 * Who a request for a session is for, on which rung of the request ladder ({@link RequestPriority}) the asker's role
 * puts it, and how the plan names who asked: a student and a guardian on the student rung ("student", "family"), a
 * teacher on the teacher rung (their staff id), admins on the rung they choose, teacher by default ("admin").
 */
final class RequestLadder {

    private RequestLadder() {
    }

    /** For whom: as the body says; a student themselves and a guardian's only child when it says nobody. */
    static String forWhom(SignedIn who, String asked) {
        String id = DayRequestResource.blank(asked);
        if (id != null && id.length() > Limits.STUDENT_ID) {
            throw new InvalidInputException("request body", List.of(new InputError("$.studentId",
                    "unknown student '" + DayRequestResource.shortened(id) + "'")));
        }
        if (id == null && who != null && who.role() == Role.STUDENT) {
            return who.personId();
        }
        if (id == null && who != null && who.role() == Role.GUARDIAN && who.children().size() == 1) {
            return who.children().iterator().next();
        }
        if (id == null) {
            throw new InvalidInputException("request body", List.of(new InputError("$.studentId",
                    "say for which student")));
        }
        return id;
    }

    /** The rung of the ladder the asker's role gives; admins choose theirs (teacher by default). */
    static RequestPriority priority(SignedIn who, String asked) {
        RequestPriority given = who == null || who.role() == Role.SCHOOL_ADMIN || who.role() == Role.DISTRICT_ADMIN
                ? RequestPriority.TEACHER : who.role() == Role.TEACHER ? RequestPriority.TEACHER
                : RequestPriority.STUDENT;
        if (DayRequestResource.blank(asked) == null) {
            return given;
        }
        RequestPriority chosen = java.util.Arrays.stream(RequestPriority.values())
                .filter(p -> RequestOutcomes.wire(p).equals(asked.trim())).findFirst()
                .orElseThrow(() -> new InvalidInputException("request body", List.of(new InputError("$.priority",
                        "a priority is admin-required, teacher or student, was '" + DayRequestResource.shortened(asked) + "'"))));
        boolean chooses = who == null || who.role() == Role.SCHOOL_ADMIN || who.role() == Role.DISTRICT_ADMIN;
        if (!chooses && chosen != given) {
            throw new ApiException(Response.Status.FORBIDDEN, "a " + who.role().wire() + "'s request is on the "
                    + RequestOutcomes.wire(given) + " rung; only administrators choose a request's priority");
        }
        if (chosen == RequestPriority.DEFAULT) {
            throw new InvalidInputException("request body", List.of(new InputError("$.priority",
                    "a priority is admin-required, teacher or student, was 'default'")));
        }
        return chosen;
    }

    /** Who asked, as the day problem's requests say it. */
    static String requestedBy(SignedIn who) {
        if (who == null) {
            return "admin";
        }
        return switch (who.role()) {
            case STUDENT -> "student";
            case GUARDIAN -> "family";
            case TEACHER -> who.personId() != null ? who.personId() : "teacher";
            default -> "admin";
        };
    }
}
