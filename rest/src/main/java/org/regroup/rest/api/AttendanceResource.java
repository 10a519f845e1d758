package org.regroup.rest.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.AuditTrail;
import org.regroup.rest.auth.Callers;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.auth.SignedIn;
import org.regroup.rest.days.StoredVersions;
import org.regroup.rest.errors.ApiException;
import org.regroup.rest.exports.Attendance;
import org.regroup.rest.exports.AttendanceCsv;
import org.regroup.rest.exports.PublishedDay;
import org.regroup.store.AttendanceLog;
import org.regroup.store.Role;
import org.regroup.store.SchoolStore;

/**
 * Attendance on a published day (docs/export.md): teachers mark who was present in the groups they lead, block by
 * block; the school's admins and the district mark anyone. Read back as JSON, or as a CSV an SIS imports
 * ({@link Csv}). A teacher reads the marks of their own groups only. Every call is in the audit log with the students
 * it named.
 */
@Path("/api/schools/{school}/days/{date}/attendance")
@Produces(MediaType.APPLICATION_JSON)
public final class AttendanceResource {

    @Inject
    SchoolStore store;
    @Inject
    StoredVersions stored;
    @Inject
    Clock clock;

    /** Records one block's marks (each replaces the student-block's earlier mark); answers the block's marks. */
    @BodyLimit(bytes = BodyLimits.DAY_INPUT)
    @PUT
    @Access(Rule.ATTENDANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take attendance in a block of the published day (a teacher: the groups they lead)")
    public Attendance.View put(@PathParam("school") String school, @PathParam("date") String date,
            Attendance.Sheet sheet, @Context SecurityContext security, @Context ContainerRequestContext request) {
        if (sheet == null) {
            throw ApiException.invalidBody("send {\"block\": \"B1\", \"marks\": [{\"student\": \"s1\", \"status\": "
                    + "\"present\"}]}; a status is one of " + String.join(", ", Attendance.STATUSES));
        }
        AuditTrail.naming(request, Attendance.studentsOf(sheet));
        PublishedDay day = OneRosterExportResource.Exports.published(store, stored, school,
                SchoolDayResource.date(date));
        SignedIn who = Callers.who(security);
        Predicate<String> mayMark = everyone(who, school) ? student -> true
                : Attendance.ledBy(day, who.personId(), sheet.block());
        List<AttendanceLog.Mark> marks;
        try {
            marks = Attendance.check(day, sheet, mayMark, who == null ? null : who.accountId(), clock.instant());
        } catch (Attendance.NotYoursException notYours) {
            throw new ApiException(Response.Status.FORBIDDEN, notYours.getMessage());
        }
        store.attendance().record(day.schoolId(), marks);
        return read(store, day, who, school, request, m -> m.blockId().equals(sheet.block()));
    }

    /** The day's marks (a teacher: those of the students in the groups they lead). */
    @GET
    @Access(Rule.ATTENDANCE)
    @Operation(summary = "The attendance taken on the published day")
    public Attendance.View get(@PathParam("school") String school, @PathParam("date") String date,
            @Context SecurityContext security, @Context ContainerRequestContext request) {
        return day(store, stored, school, date, Callers.who(security), request);
    }

    /** The day's marks the caller may read, the students they name written to the audit log. */
    static Attendance.View day(SchoolStore store, StoredVersions stored, String school, String date, SignedIn who,
            ContainerRequestContext request) {
        PublishedDay day = OneRosterExportResource.Exports.published(store, stored, school,
                SchoolDayResource.date(date));
        return read(store, day, who, school, request, m -> true);
    }

    private static Attendance.View read(SchoolStore store, PublishedDay day, SignedIn who, String school,
            ContainerRequestContext request, Predicate<AttendanceLog.Mark> which) {
        Predicate<AttendanceLog.Mark> theirs = everyone(who, school) ? m -> true
                : Attendance.ledBy(day, who.personId());
        List<AttendanceLog.Mark> marks = store.attendance().marks(day.schoolId(), day.date()).stream()
                .filter(which).filter(theirs).toList();
        AuditTrail.naming(request, marks.stream().map(AttendanceLog.Mark::studentId).toList());
        return Attendance.view(day, marks);
    }

    /** Admins (and a server without sign-in) take and read every student's attendance. */
    private static boolean everyone(SignedIn who, String school) {
        return who == null || who.districtAdmin() || (who.role() == Role.SCHOOL_ADMIN && who.of(school));
    }

    /** The day's attendance as a CSV file an SIS imports (columns in docs/export.md). */
    @Path("/api/schools/{school}/days/{date}/attendance.csv")
    public static final class Csv {

        public static final String TEXT_CSV = "text/csv; charset=utf-8";

        @Inject
        SchoolStore store;
        @Inject
        StoredVersions stored;

        @GET
        @Access(Rule.ATTENDANCE)
        @Produces(TEXT_CSV)
        @Operation(summary = "The attendance taken on the published day, as a CSV an SIS imports")
        public Response csv(@PathParam("school") String school, @PathParam("date") String date,
                @Context SecurityContext security, @Context ContainerRequestContext request) {
            Attendance.View view = day(store, stored, school, date, Callers.who(security), request);
            return Response.ok(AttendanceCsv.of(view), TEXT_CSV).header("Content-Disposition",
                    "attachment; filename=\"attendance-" + view.schoolId() + "-" + view.date() + ".csv\"").build();
        }
    }
}
