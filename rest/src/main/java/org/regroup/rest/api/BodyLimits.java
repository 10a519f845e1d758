package org.regroup.rest.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import org.regroup.rest.errors.ApiException;

/**
 * Every request body is read within a size limit and a time limit, so no client can fill the heap or hold a request
 * thread: a body over its endpoint's {@link BodyLimit} is refused with 413 naming the limit (at once when its
 * Content-Length says so, else as soon as it grows past it), and one that takes longer than {@link #DEADLINE} to
 * arrive, or stops arriving, with 408.
 */
public final class BodyLimits implements DynamicFeature {

    /** Bodies of endpoints that name no limit: an override, a change, a publish. */
    public static final long SMALL = 64 * 1024;
    /** An evidence batch of up to {@code EvidenceService.MAX_RESULTS} results at ~150 bytes each, with room. */
    public static final long EVIDENCE = 4L * 1024 * 1024;
    /** A day's absences and closures, or a mid-day change: ids of a large school's people and rooms. */
    public static final long DAY_INPUT = 1024 * 1024;
    /** However slowly a client sends, its body has arrived by then. */
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private final ServerLimits limits;

    public BodyLimits(ServerLimits limits) {
        this.limits = limits;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        var method = resource.getResourceMethod();
        boolean takesBody = method.isAnnotationPresent(jakarta.ws.rs.POST.class)
                || method.isAnnotationPresent(jakarta.ws.rs.PUT.class)
                || method.isAnnotationPresent(jakarta.ws.rs.PATCH.class);
        if (!takesBody) {
            return;
        }
        BodyLimit declared = method.getAnnotation(BodyLimit.class);
        long max = declared == null ? SMALL : declared.bytes() == BodyLimit.SERVER ? limits.maxBodyBytes()
                : declared.bytes();
        context.register(new Limit(max));
    }

    /** "20 MiB", "64 KiB", "300 bytes": a limit as people read it. */
    public static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }

    static ApiException tooLarge(long max) {
        return new ApiException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the body is larger than the " + size(max)
                + " this endpoint accepts");
    }

    /** One endpoint's limit, applied before its body is read. */
    private static final class Limit implements ContainerRequestFilter {

        private final long max;

        Limit(long max) {
            this.max = max;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getLength() > max) {
                throw tooLarge(max);
            }
            request.setEntityStream(new Bounded(request.getEntityStream(), max,
                    System.nanoTime() + DEADLINE.toNanos()));
        }
    }

    /** The body as it arrives, refused once it passes the limit or the deadline. */
    private static final class Bounded extends FilterInputStream {

        private final long max;
        private final long deadline;
        private long read;

        Bounded(InputStream in, long max, long deadline) {
            super(in);
            this.max = max;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException stopped) {
                // Grizzly gives up on a read that waits too long; say so rather than fail as the server's fault.
                throw new ApiException(Response.Status.REQUEST_TIMEOUT, "the body stopped arriving before it was "
                        + "complete");
            }
            if (n > 0) {
                read += n;
                if (read > max) {
                    throw tooLarge(max);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new ApiException(Response.Status.REQUEST_TIMEOUT, "the body took longer than "
                        + DEADLINE.toSeconds() + " s to arrive");
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] discard = new byte[(int) Math.min(n, 8192)];
            int got = read(discard, 0, discard.length);
            return Math.max(got, 0);
        }
    }
}
