package org.regroup.rest.api;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.district.DistrictMornings;
import org.regroup.rest.errors.ApiException;
import org.regroup.rest.plans.PlanService;

/**
 * A district's morning: every school's day planned as a durable job on whichever node of the cluster has a free
 * core, each by its deadline, and followed here (JSON, or live as Server-Sent Events).
 */
@Path("/api/district/mornings/{date}")
@Produces(MediaType.APPLICATION_JSON)
public final class DistrictMorningResource {

    /**
     * What the district asks (every field may be left out).
     *
     * @param schools     the schools to plan (default: every school in the store)
     * @param deadline    a time of the day ("06:30", the server's time zone) or an instant; default 07:00
     * @param timeLimit   each school's solve, like 30s (default: the server's); cut short by the deadline
     * @param autoPublish publish each feasible plan (flagged when not workable) and a carried-forward one at once
     *                    (default true)
     * @param priorities  school id → priority, higher planned first (default 0)
     */
    public record MorningRequest(List<String> schools, String deadline, String timeLimit, Boolean autoPublish,
            Map<String, Integer> priorities) {
    }

    /** Followers' polls of the store (the progress is made by every node, so it is read where it is written). */
    private static final ScheduledExecutorService FOLLOWERS = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "morning-followers");
        t.setDaemon(true);
        return t;
    });

    @Inject
    DistrictMornings mornings;
    @Inject
    PlanService plans;
    @Inject
    Clock clock;

    /**
     * Plans every school's day of the morning: 202 with each school's part; schools in the morning already keep
     * theirs (asking again is safe). 429 with Retry-After when the cluster's queue of jobs is full.
     */
    @POST
    @Access(Rule.DISTRICT)
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(bytes = BodyLimits.DAY_INPUT)
    @Operation(summary = "Plan every school's day of the morning as jobs of the cluster (202 with each school's part)")
    public Response start(@PathParam("date") String date, MorningRequest body, @Context UriInfo uri) {
        LocalDate day = SchoolDayResource.date(date);
        MorningRequest r = body == null ? new MorningRequest(null, null, null, null, null) : body;
        Duration limit = Durations.parse(r.timeLimit(), plans.settings().defaultTimeLimit(),
                plans.settings().maxTimeLimit());
        DistrictMornings.Request request = new DistrictMornings.Request(r.schools(), DistrictMornings.deadline(day,
                r.deadline(), ZoneId.systemDefault(), clock.instant(), "$.deadline"), limit,
                r.autoPublish() == null || r.autoPublish(), r.priorities());
        return Response.accepted(mornings.start(day, request)).location(uri.getRequestUri()).build();
    }

    /** Each school's part of the morning: status, version, score, node, runs, and a note for the scheduler. */
    @GET
    @Access(Rule.DISTRICT)
    @Operation(summary = "Each school's part of the morning")
    public DistrictMornings.View view(@PathParam("date") String date) {
        DistrictMornings.View view = mornings.view(SchoolDayResource.date(date));
        if (view.schools().isEmpty()) {
            throw ApiException.notFound("no morning was asked for " + date);
        }
        return view;
    }

    /** The morning live: a {@code progress} event whenever a school's part changes, {@code done} at the end. */
    @GET
    @Path("events")
    @Access(Rule.DISTRICT)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The morning's progress as Server-Sent Events (progress…, done)")
    public void events(@PathParam("date") String date, @Context SseEventSink sink, @Context Sse sse) {
        LocalDate day = SchoolDayResource.date(date);
        view(date); // 404 before the stream opens
        AtomicReference<DistrictMornings.View> last = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> poll = new AtomicReference<>();
        poll.set(FOLLOWERS.scheduleWithFixedDelay(() -> {
            try {
                if (sink.isClosed()) {
                    stop(poll);
                    return;
                }
                DistrictMornings.View now = mornings.view(day);
                if (!now.equals(last.getAndSet(now))) {
                    sink.send(sse.newEventBuilder().name(now.done() ? "done" : "progress")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(DistrictMornings.View.class, now)
                            .build());
                }
                if (now.done()) {
                    stop(poll);
                    sink.close();
                }
            } catch (Exception e) {
                // the store failed or the client left: the stream ends; the client may follow again
                stop(poll);
                try {
                    sink.close();
                } catch (java.io.IOException ignored) {
                    // already closed
                }
            }
        }, 0, 1, TimeUnit.SECONDS));
    }

    /** Ends a follower's polls (it may run once before its future is known: then its next run ends it). */
    private static void stop(AtomicReference<ScheduledFuture<?>> poll) {
        ScheduledFuture<?> f = poll.get();
        if (f != null) {
            f.cancel(false);
        }
    }
}
