package org.regroup.rest.api;

import java.time.LocalDate;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.days.StoredVersions;
import org.regroup.rest.errors.ApiException;
import org.regroup.rest.exports.OneRosterDay;
import org.regroup.rest.exports.PublishedDay;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;

/**
 * The published day's sessions as a OneRoster 1.1 CSV export (a zip), for systems that read rosters: one class per
 * session, its adult and students enrolled (docs/export.md). Every adult's roster at once: who may read the school's
 * plans ({@link Rule#SCHOOL_READ}), and every call is in the audit log.
 */
@Path("/api/schools/{school}/days/{date}/oneroster")
public final class OneRosterExportResource {

    public static final String ZIP = "application/zip";

    @Inject
    SchoolStore store;
    @Inject
    StoredVersions stored;

    @GET
    @Access(Rule.SCHOOL_READ)
    @Produces(ZIP)
    @Operation(summary = "The published day's sessions as a OneRoster 1.1 CSV zip (classes, enrollments)")
    public Response export(@PathParam("school") String school, @PathParam("date") String date,
            @QueryParam("org") String org) {
        if (org != null && !Exports.sourcedId(org)) {
            throw ApiException.badRequest("org is the school's sourcedId in the SIS: 1 to 64 characters, no '/', "
                    + "'\\', spaces or control characters");
        }
        PublishedDay day = Exports.published(store, stored, school, SchoolDayResource.date(date));
        OneRosterDay.Export export = OneRosterDay.of(day, org);
        return Response.ok(export.zip(day.madeAt()), ZIP).header("Content-Disposition", "attachment; filename=\""
                + "oneroster-" + day.schoolId() + "-" + day.date() + ".zip\"").build();
    }

    /** What the export resources share: the published day, ids as addresses allow them. */
    static final class Exports {

        private Exports() {
        }

        /** The day's published version: 404 for an unknown school, 409 when the day has none published. */
        static PublishedDay published(SchoolStore store, StoredVersions stored, String schoolId, LocalDate day) {
            Schools.SchoolRecord school = store.schools().school(schoolId)
                    .orElseThrow(() -> ApiException.notFound("no school '" + schoolId + "'"));
            StoredVersions.StoredVersion v;
            try {
                v = stored.read(school, day, null);
            } catch (NoSuchElementException | StoredVersions.NoPlanYetException none) {
                throw ApiException.conflict(new PublishedDay.NotPublishedException(school.id(), day).getMessage());
            }
            return new PublishedDay(school.id(), PublishedDay.nameOf(school), day, v.record().version(),
                    v.record().createdAt(), v.plan(), v::problem);
        }

        /** A OneRoster sourcedId as Regroup takes one: 1 to 64 characters, none of / \ spaces or controls. */
        static boolean sourcedId(String id) {
            return id.length() >= 1 && id.length() <= 64 && id.chars().noneMatch(c -> c == '/' || c == '\\'
                    || Character.isWhitespace(c) || Character.isISOControl(c));
        }
    }
}
