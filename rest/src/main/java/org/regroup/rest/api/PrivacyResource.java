package org.regroup.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.errors.ApiException;
import org.regroup.rest.privacy.StudentRecords;
import org.regroup.store.Erasure;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;

/**
 * One student's record, for their school's administrators and the district: everything the store holds about them
 * (export), and erasing it (docs/privacy.md). Both are written to the audit log with the student's id.
 */
@Path("/api/schools/{school}/students/{studentId}/record")
@Produces(MediaType.APPLICATION_JSON)
public final class PrivacyResource {

    @Inject
    SchoolStore store;
    @Inject
    StudentRecords records;

    @GET
    @Access(Rule.PRIVACY)
    @Operation(summary = "Everything the store holds about one student, as one document")
    public StudentRecords.StudentRecord export(@PathParam("school") String school,
            @PathParam("studentId") String studentId) {
        return records.export(school(school), studentId).orElseThrow(() -> noStudent(school, studentId));
    }

    @DELETE
    @Access(Rule.PRIVACY)
    @Operation(summary = "Erase one student's record: mastery, evidence, profile; plans keep them anonymous")
    public StudentRecords.Erased erase(@PathParam("school") String school,
            @PathParam("studentId") String studentId) {
        try {
            return records.erase(school(school), studentId).orElseThrow(() -> noStudent(school, studentId));
        } catch (Erasure.StillSolvingException solving) {
            throw ApiException.conflict(solving.getMessage());
        }
    }

    private Schools.SchoolRecord school(String id) {
        return store.schools().school(id).orElseThrow(() -> ApiException.notFound("no school '" + id + "'"));
    }

    private static ApiException noStudent(String school, String studentId) {
        return ApiException.notFound("no student '" + (studentId.length() > 64 ? studentId.substring(0, 64) + "…"
                : studentId) + "' in school " + school);
    }
}
