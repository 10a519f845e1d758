package org.regroup.rest.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.errors.ApiException;
import org.regroup.store.AuditLog;
import org.regroup.store.SchoolStore;

/** The audit log of a school's student records, for its administrators: who read or wrote which, when, from where. */
@Path("/api/schools/{school}/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {

    static final int MAX = 1000;

    @Inject
    SchoolStore store;

    /**
     * Entries newest first.
     *
     * @param student only entries naming this student (or every student)
     * @param from    only entries from this instant on (ISO-8601, e.g. 2026-09-01T00:00:00Z)
     * @param limit   at most this many (default 100, at most 1000)
     */
    @GET
    @Access(Rule.AUDIT)
    @Operation(summary = "The school's audit log: who read or wrote which students' records")
    public List<AuditLog.Entry> query(@PathParam("school") String school, @QueryParam("student") String student,
            @QueryParam("from") String from, @QueryParam("limit") Integer limit) {
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > MAX) {
            throw ApiException.badRequest("limit must be 1 to " + MAX + ", was " + limit);
        }
        Instant since;
        try {
            since = from == null ? Instant.EPOCH : Instant.parse(from);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("from must be an instant such as 2026-09-01T00:00:00Z, was '"
                    + (from.length() > 40 ? from.substring(0, 40) + "…" : from) + "'");
        }
        if (student != null && student.length() > 64) {
            throw ApiException.badRequest("student is an id of at most 64 characters");
        }
        return store.audit().query(school, student, since, n);
    }
}
