package org.regroup.rest.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.AccessPolicy;
import org.regroup.rest.auth.AuditTrail;
import org.regroup.rest.auth.Callers;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.auth.SignedIn;
import org.regroup.rest.calendar.CalendarFeedService;
import org.regroup.rest.errors.ApiException;
import org.regroup.store.CalendarFeeds;
import org.regroup.store.Role;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;

/**
 * A school's calendar subscription feeds: make one for an adult or a student (its URL is in the answer only, once),
 * list them (never their URLs), revoke one (its URL then answers 404). An adult manages their own, a student theirs,
 * a guardian their children's, the school's admins anyone's (docs/api.md "Calendar feeds").
 */
@Path("/api/schools/{school}/calendar-feeds")
@Produces(MediaType.APPLICATION_JSON)
public final class CalendarFeedResource {

    /** Whose feed: a staff or student id of the school; {@code kind} ("adult", "student") only when both match. */
    public record NewFeed(String person, String kind) {
    }

    /** A feed as listed: never its URL. */
    public record FeedView(String id, String person, String personKind, Instant created, String createdBy,
            Instant lastUsed, Instant revoked) {
        static FeedView of(CalendarFeeds.Feed f) {
            return new FeedView(f.id(), f.personId(), f.personKind().wire(), f.createdAt(), f.createdBy(),
                    f.lastUsedAt(), f.revokedAt());
        }
    }

    /** A new feed: {@code url} is its secret address, shown this once. */
    public record Issued(String id, String person, String personKind, Instant created, String url) {
    }

    @Inject
    SchoolStore store;
    @Inject
    CalendarFeedService feeds;
    @Inject
    AccessPolicy policy;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Rule.CALENDAR_FEEDS)
    @Operation(summary = "Make a calendar feed of an adult or a student (its URL is in this answer only)")
    public Response create(@PathParam("school") String school, NewFeed body, @Context SecurityContext context,
            @Context ContainerRequestContext request, @Context UriInfo uri) {
        Schools.SchoolRecord record = school(school);
        if (body == null || body.person() == null || body.person().isBlank() || body.person().length() > 64) {
            throw ApiException.invalidBody("send {\"person\": \"a staff or student id\"} (and \"kind\": \"adult\" or "
                    + "\"student\" when an id is both)");
        }
        SignedIn who = Callers.who(context);
        CalendarFeeds.Kind kind = kind(record.standing(), body, who);
        AuditTrail.naming(request, kind == CalendarFeeds.Kind.STUDENT ? List.of(body.person()) : List.of());
        if (who != null) {
            policy.mayManageFeed(who, school, kind, body.person()).ifPresent(refusal -> {
                throw new ApiException(Response.Status.fromStatusCode(refusal.status()), refusal.detail());
            });
        }
        if (!exists(record.standing(), kind, body.person())) {
            throw ApiException.unprocessable("no " + (kind == CalendarFeeds.Kind.ADULT ? "adult" : "student") + " '"
                    + body.person() + "' in school " + school);
        }
        CalendarFeedService.Issued made = feeds.create(school, kind, body.person(), who == null ? null
                : who.accountId());
        URI url = uri.getBaseUriBuilder().path("api/calendar").path(made.token() + ".ics").build();
        return Response.status(Response.Status.CREATED).entity(new Issued(made.feed().id(), made.feed().personId(),
                kind.wire(), made.feed().createdAt(), url.toString())).build();
    }

    @GET
    @Access(Rule.CALENDAR_FEEDS)
    @Operation(summary = "The school's calendar feeds the caller may manage (never their URLs)")
    public List<FeedView> list(@PathParam("school") String school, @Context SecurityContext context,
            @Context ContainerRequestContext request) {
        school(school);
        SignedIn who = Callers.who(context);
        List<CalendarFeeds.Feed> shown = feeds.list(school).stream()
                .filter(f -> who == null || policy.mayManageFeed(who, school, f.personKind(), f.personId()).isEmpty())
                .toList();
        AuditTrail.naming(request, shown.stream().filter(f -> f.personKind() == CalendarFeeds.Kind.STUDENT)
                .map(CalendarFeeds.Feed::personId).toList());
        return shown.stream().map(FeedView::of).toList();
    }

    @DELETE
    @Path("{feedId}")
    @Access(Rule.CALENDAR_FEEDS)
    @Operation(summary = "Revoke a calendar feed: its URL answers 404 from now on")
    public Response revoke(@PathParam("school") String school, @PathParam("feedId") String feedId,
            @Context SecurityContext context, @Context ContainerRequestContext request) {
        school(school);
        SignedIn who = Callers.who(context);
        Optional<CalendarFeeds.Feed> feed = feeds.find(school, feedId).filter(CalendarFeeds.Feed::live)
                .filter(f -> who == null || policy.mayManageFeed(who, school, f.personKind(), f.personId()).isEmpty());
        AuditTrail.naming(request, feed.filter(f -> f.personKind() == CalendarFeeds.Kind.STUDENT)
                .map(f -> List.of(f.personId())).orElse(List.of()));
        if (feed.isEmpty() || !feeds.revoke(school, feedId)) {
            throw ApiException.notFound("no live calendar feed '" + shortened(feedId) + "' of yours in school "
                    + school);
        }
        return Response.noContent().build();
    }

    /**
     * Whose feed the body asks for: the kind it names; else what a student or guardian asks for (a student), an
     * adult (themselves); else the one the school's standing data has by that id.
     */
    private static CalendarFeeds.Kind kind(DayProblem standing, NewFeed body, SignedIn who) {
        if (body.kind() != null) {
            return CalendarFeeds.Kind.of(body.kind()).orElseThrow(() -> ApiException.unprocessable("kind must be "
                    + "\"adult\" or \"student\", was \"" + shortened(body.kind()) + "\""));
        }
        if (who != null && (who.role() == Role.STUDENT || who.role() == Role.GUARDIAN)) {
            return CalendarFeeds.Kind.STUDENT;
        }
        if (who != null && (who.role() == Role.TEACHER || who.role() == Role.PRINCIPAL)) {
            return CalendarFeeds.Kind.ADULT;
        }
        boolean adult = exists(standing, CalendarFeeds.Kind.ADULT, body.person());
        boolean student = exists(standing, CalendarFeeds.Kind.STUDENT, body.person());
        if (adult && student) {
            throw ApiException.unprocessable("'" + body.person() + "' is both an adult's and a student's id; say "
                    + "which with \"kind\": \"adult\" or \"student\"");
        }
        return adult ? CalendarFeeds.Kind.ADULT : CalendarFeeds.Kind.STUDENT;
    }

    private static boolean exists(DayProblem standing, CalendarFeeds.Kind kind, String person) {
        return kind == CalendarFeeds.Kind.ADULT ? standing.staff().stream().anyMatch(s -> s.id().equals(person))
                : standing.students().stream().anyMatch(s -> s.id().equals(person));
    }

    private Schools.SchoolRecord school(String id) {
        return store.schools().school(id).orElseThrow(() -> ApiException.notFound("no school '" + id + "'"));
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 30) + "…";
    }
}
