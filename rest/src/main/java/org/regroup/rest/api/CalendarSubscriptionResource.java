package org.regroup.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.AuditTrail;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.calendar.CalendarFeedService;
import org.regroup.rest.errors.ApiException;
import org.regroup.rest.roster.RosterMedia;
import org.regroup.store.CalendarFeeds;

/**
 * A calendar feed at its secret address, for Google or Outlook to poll: no sign-in, the token in the address is the
 * credential. An unknown or revoked token is 404 (never 401: a revoked address tells nothing). ETag over the content,
 * {@code Cache-Control: private}.
 */
@Path("/api/calendar")
public final class CalendarSubscriptionResource {

    private static final String NOT_FOUND = "no calendar feed at this address (it may have been revoked)";

    @Inject
    CalendarFeedService feeds;

    @GET
    @Path("{token}.ics")
    @Produces(RosterMedia.TEXT_CALENDAR)
    @Access(Rule.CALENDAR_FEED)
    @Operation(summary = "A calendar feed: an adult's or a student's published days, for calendar apps (no sign-in)",
            responses = @ApiResponse(responseCode = "200", description = "RFC 5545 iCalendar",
                    content = @Content(mediaType = RosterMedia.TEXT_CALENDAR)))
    public Response feed(@PathParam("token") String token, @Context Request request,
            @Context ContainerRequestContext context) {
        AuditTrail.naming(context, java.util.List.of());
        CalendarFeeds.Feed feed = feeds.byToken(token).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        CalendarFeedService.Served served = feeds.serve(feed).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        AuditTrail.asFeed(context, feed.id(), feed.schoolId(), served.students());
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoTransform(false);
        EntityTag tag = new EntityTag(served.etag());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.cacheControl(cache).build();
        }
        return Response.ok(served.body()).header(HttpHeaders.CONTENT_TYPE, "text/calendar; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"regroup.ics\"").tag(tag).cacheControl(cache)
                .build();
    }
}
