package org.regroup.rest.api;

import java.util.function.Consumer;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.regroup.rest.plans.PlanJob;

/** Streams a plan's updates as Server-Sent Events: {@code best} while solving, {@code final} at the end. */
final class PlanEvents {

    private PlanEvents() {
    }

    static void stream(PlanJob job, SseEventSink sink, Sse sse) {
        Consumer<PlanJob.Update> follower = new Consumer<>() {
            @Override
            public void accept(PlanJob.Update update) {
                if (sink.isClosed()) {
                    job.unfollow(this);
                    return;
                }
                OutboundSseEvent event = sse.newEventBuilder().name(update.last() ? "final" : "best")
                        .id(Long.toString(update.elapsedMillis())).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(PlanJob.Update.class, update).build();
                sink.send(event);
                if (update.last()) {
                    try {
                        sink.close();
                    } catch (java.io.IOException alreadyGone) {
                        job.unfollow(this);
                    }
                }
            }
        };
        job.follow(follower); // after the end: only the final event, then the stream closes
    }
}
