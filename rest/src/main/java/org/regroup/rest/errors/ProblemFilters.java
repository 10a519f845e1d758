package org.regroup.rest.errors;

import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The request checks and answers Jersey leaves to the application, so that every refusal is problem details. */
public final class ProblemFilters {

    private ProblemFilters() {
    }

    /**
     * An error Jersey answers with no body at all: a header it cannot parse ({@code Content-Type: ;;;}, an
     * {@code Accept} of no media type) ends as a bare 400. Said in the same shape as every other, naming the header.
     */
    public static final class BareErrors implements ContainerResponseFilter {

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (response.getStatus() < 400 || response.hasEntity()) {
                return;
            }
            Response.StatusType status = response.getStatusInfo();
            String detail = status.getStatusCode() == 400 ? unreadableHeader(request) : status.getReasonPhrase();
            response.setEntity(Problem.of(status, detail).at(ErrorMappers.path(request.getUriInfo())), null,
                    Problem.TYPE);
        }

        /** Which header Jersey could not read, found by reading them again. */
        private static String unreadableHeader(ContainerRequestContext request) {
            if (fails(r -> r.getMediaType(), request)) {
                return CONTENT_TYPE;
            }
            if (fails(r -> r.getAcceptableMediaTypes(), request)) {
                return ACCEPT;
            }
            if (fails(r -> r.getAcceptableLanguages(), request) || fails(r -> r.getLanguage(), request)) {
                return "a language header (Accept-Language, Content-Language) cannot be read";
            }
            if (fails(r -> r.getCookies(), request) || fails(r -> r.getDate(), request)) {
                return "a header (Cookie, Date) cannot be read";
            }
            return "the request's headers cannot be read";
        }

        private static boolean fails(Consumer<ContainerRequestContext> read, ContainerRequestContext request) {
            try {
                read.accept(request);
                return false;
            } catch (RuntimeException unreadable) {
                return true;
            }
        }
    }

    /**
     * Content-Type and Accept read before Jersey chooses a method, which it cannot do with either unreadable: an
     * {@code Accept} of no media type would be a bare 400, a {@code Content-Type} with a quality that is not a number
     * ({@code application/json; q=abc}) a 500 from deep in its router, an {@code Accept} with a charset no JVM has
     * ({@code application/json; charset=nope}) a 500 when the answer is written. All the caller's mistake: 400,
     * naming the header.
     */
    @PreMatching
    public static final class ReadableHeaders implements ContainerRequestFilter {

        /** A quality value (RFC 9110 12.4.2): 0 to 1, three decimals at most. */
        private static final Pattern QUALITY = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

        @Override
        public void filter(ContainerRequestContext request) {
            String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
            if (type != null && !type.isBlank() && !readable(() -> understood(request.getMediaType()))) {
                throw ApiException.badRequest(CONTENT_TYPE);
            }
            if (!readable(() -> request.getAcceptableMediaTypes().stream().allMatch(ReadableHeaders::understood))) {
                throw ApiException.badRequest(ACCEPT);
            }
        }

        /** A quality that is a number, a charset this JVM knows (the answer is written in it). */
        private static boolean understood(MediaType type) {
            String q = type.getParameters().get("q");
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            return (q == null || QUALITY.matcher(q).matches()) && (charset == null || Charset.isSupported(charset));
        }

        private static boolean readable(java.util.function.BooleanSupplier read) {
            try {
                return read.getAsBoolean();
            } catch (RuntimeException unreadable) {
                return false;
            }
        }
    }

    static final String CONTENT_TYPE = "the Content-Type header cannot be read: it is one media type, such as "
            + "application/json, and a charset it names is one this server knows";
    static final String ACCEPT = "the Accept header cannot be read: it lists media types, such as application/json "
            + "or */*, each with a quality from 0 to 1, and a charset it names is one this server knows";

    /**
     * A body sent without a Content-Type to a method that reads one is refused (415) like a body of any other type:
     * Jersey would otherwise take it for whatever the method consumes (docs/api.md: "Request bodies must be sent
     * with Content-Type: application/json").
     */
    public static final class ContentTypeRequired implements ContainerRequestFilter {

        @Context
        ResourceInfo resource;

        @Override
        public void filter(ContainerRequestContext request) {
            Method method = resource == null ? null : resource.getResourceMethod();
            if (method == null) {
                return;
            }
            boolean consumes = method.isAnnotationPresent(Consumes.class)
                    || resource.getResourceClass().isAnnotationPresent(Consumes.class);
            String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
            if (consumes && (type == null || type.isBlank())) {
                throw new NotSupportedException("no Content-Type");
            }
        }
    }
}
