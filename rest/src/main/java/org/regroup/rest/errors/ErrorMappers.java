package org.regroup.rest.errors;

import java.io.EOFException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.message.internal.HeaderValueException;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.rest.plans.PlanService;
import org.regroup.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure becomes problem details; no stack trace ever reaches a caller. */
public final class ErrorMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    private ErrorMappers() {
    }

    /** A readable body that cannot be acted on. */
    public static final int UNPROCESSABLE = 422;

    /**
     * A body that reads but cannot be acted on (unknown ids, cycles, impossible accommodations…): 422, titled by what
     * the body was meant to be ("Invalid evidence batch").
     */
    public static final class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(InvalidInputException e) {
            return describe(e, UNPROCESSABLE, "Invalid " + subject(uri), uri);
        }
    }

    /** A body that is not what it should be at all (malformed JSON, wrong types, unknown fields): 400. */
    public static final class Unreadable implements ExceptionMapper<UnreadableBodyException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(UnreadableBodyException e) {
            return describe(e.input(), 400, "Unreadable " + subject(uri), uri);
        }
    }

    /** A small JSON body (an override, an evidence batch…) that Jackson cannot read: 400 with where and what. */
    public static final class UnreadableJson implements ExceptionMapper<JsonProcessingException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonProcessingException e) {
            InputError error = DayProblemReader.describe(e);
            return new Problem("about:blank", "Unreadable " + subject(uri), 400, "the request body cannot be read: "
                    + error, path(uri), List.of(error)).toResponse();
        }
    }

    private static final List<String> SOLVED = List.of(" day problem", " scenario", " override", " mid-day change");

    private static Response describe(InvalidInputException e, int status, String title, UriInfo uri) {
        int n = e.errors().size();
        // only days, scenarios and changes to a plan are solved; everything else (a school, goals, attendance…) is
        // stored: say what did not happen in its words
        boolean solved = SOLVED.stream().anyMatch(title::endsWith);
        String detail = n + (n == 1 ? " error" : " errors") + " in the request body, nothing was "
                + (solved ? "solved" : "stored") + ": " + e.errors().get(0);
        return new Problem("about:blank", title, status, detail, path(uri), e.errors()).toResponse();
    }

    public static final class Api implements ExceptionMapper<ApiException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ApiException e) {
            Problem problem = Problem.of(e.status(), e.getMessage()).at(path(uri));
            return (e.aboutTheBody() ? problem.titled("Invalid " + subject(uri)) : problem).toResponse();
        }
    }

    public static final class Busy implements ExceptionMapper<PlanService.BusyException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(PlanService.BusyException e) {
            Problem problem = Problem.of(Response.Status.TOO_MANY_REQUESTS, e.getMessage() + "; retry later")
                    .at(path(uri));
            return Response.status(429).type(Problem.TYPE).header("Retry-After", e.retryAfter().toSeconds())
                    .entity(problem).build();
        }
    }

    public static final class AlreadySolving implements ExceptionMapper<PlanService.AlreadySolvingException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(PlanService.AlreadySolvingException e) {
            return Problem.of(Response.Status.CONFLICT, e.getMessage()).at(path(uri)).toResponse();
        }
    }

    /** The database failed: nothing was committed; the caller may retry. Logged with its cause. */
    public static final class StoreFailure implements ExceptionMapper<StoreException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(StoreException e) {
            LOG.error("store failure on {}", path(uri), e);
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "the store failed; nothing was written, retry "
                    + "later").at(path(uri)).toResponse();
        }
    }

    /** Jersey's own refusals (404 no such route, 405, 406, 415…) in the same shape. */
    public static final class Web implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            if (e instanceof org.glassfish.jersey.server.ParamException param && param.getParameterName() != null) {
                // Jakarta REST answers 404 for a query or path value it cannot convert; the route exists, the
                // value is wrong: say which parameter.
                String where = param instanceof org.glassfish.jersey.server.ParamException.PathParamException
                        ? "path parameter" : "parameter";
                return Problem.of(Response.Status.BAD_REQUEST, where + " '" + param.getParameterName()
                        + "' has a value that cannot be read (a version or a limit is a whole number)")
                        .at(path(uri)).toResponse();
            }
            Response.StatusType status = e.getResponse().getStatusInfo();
            String detail = switch (status.getStatusCode()) {
                case 404 -> "no such resource";
                case 405 -> "this method is not allowed here";
                case 406 -> "none of the accepted media types can be produced here";
                case 413 -> e.getMessage();
                case 415 -> "send the body as application/json";
                default -> status.getReasonPhrase();
            };
            Response.ResponseBuilder response = Response.fromResponse(e.getResponse()).type(Problem.TYPE)
                    .entity(Problem.of(status, detail).at(path(uri)));
            return response.build();
        }
    }

    /**
     * A request header a resource reads (If-None-Match, Accept-Language… for a roster's variants and ETag) that Jersey
     * cannot parse: the caller's mistake, 400 naming the header. A response header the server got wrong stays a 500.
     */
    public static final class UnreadableHeader implements ExceptionMapper<HeaderValueException> {
        @Context
        UriInfo uri;

        private static final Pattern NAME = Pattern.compile("\"([A-Za-z0-9-]{1,64})\" header");

        @Override
        public Response toResponse(HeaderValueException e) {
            if (e.getContext() != HeaderValueException.Context.INBOUND) {
                Unexpected unexpected = new Unexpected();
                unexpected.uri = uri;
                return unexpected.toResponse(e);
            }
            Matcher name = NAME.matcher(String.valueOf(e.getMessage()));
            return Problem.of(Response.Status.BAD_REQUEST, (name.find() ? "the " + name.group(1) + " header"
                    : "a header") + " cannot be read").at(path(uri)).toResponse();
        }
    }

    /**
     * A body that ends before the length its request announced (or before its last chunk): the caller's mistake, or
     * a caller gone. 400, logged without a trace.
     */
    public static final class TruncatedBody implements ExceptionMapper<EOFException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(EOFException e) {
            LOG.debug("request body cut short on {}", path(uri));
            return Problem.of(Response.Status.BAD_REQUEST, "the request body ended before the length its "
                    + "Content-Length announced (or before its last chunk)").at(path(uri)).toResponse();
        }
    }

    /** Anything unexpected: logged with its trace on the server, a plain 500 for the caller. */
    public static final class Unexpected implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;
        @jakarta.inject.Inject
        org.regroup.rest.health.Vitals vitals;

        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof WebApplicationException web) {
                return new Web().toResponse(web);
            }
            LOG.error("unexpected failure on {}", path(uri), e);
            if (vitals != null && vitals.check(e, "a request")) {
                return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "the server ran out of memory; nothing was "
                        + "written, retry once it has been restarted").at(path(uri)).toResponse();
            }
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "the server failed; it has been logged")
                    .at(path(uri)).toResponse();
        }
    }

    /** What the request body was meant to be, for the problem's title (see {@link Subjects}). */
    private static String subject(UriInfo uri) {
        return Subjects.of(path(uri));
    }

    public static String path(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        String path = "/" + uri.getPath();
        // a calendar feed's address holds its secret token: never in a log or an answer
        return path.startsWith(CALENDAR_FEEDS) ? CALENDAR_FEEDS + "{token}.ics" : path;
    }

    private static final String CALENDAR_FEEDS = "/api/calendar/";
}
