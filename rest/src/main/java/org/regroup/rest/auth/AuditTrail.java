package org.regroup.rest.auth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.regroup.store.AuditLog;
import org.regroup.store.SchoolStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every call of an operation that reads or writes students' records ({@link Rule#audited()}) to the audit
 * log, refused ones included: the account and role, the operation, the school, which students (the one in the
 * address, those a roster or evidence batch names, or every student for a whole plan), the caller's address and the
 * status. Ids only. A read the log cannot record is not answered (503).
 */
public final class AuditTrail implements ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    /** A request property: the students a request body named (evidence), set by {@link EvidenceScope}. */
    static final String STUDENTS = "regroup.audit.students";

    /** Request properties: who a call was made as when no account signed in (a calendar feed), and its school. */
    static final String ACTOR = "regroup.audit.actor";
    static final String SCHOOL = "regroup.audit.school";

    /**
     * A call made with a calendar feed's address: recorded as the feed ({@code feed:ID}, role {@code calendar-feed}),
     * in its school, naming the students its answer holds.
     */
    public static void asFeed(ContainerRequestContext request, String feedId, String schoolId,
            Collection<String> studentIds) {
        request.setProperty(ACTOR, "feed:" + feedId);
        request.setProperty(SCHOOL, schoolId);
        naming(request, studentIds);
    }

    /**
     * Names the students a call read or wrote when its address does not ({@code …/days/{date}/requests}): the audit
     * entry lists them instead of every student.
     */
    public static void naming(ContainerRequestContext request, Collection<String> studentIds) {
        request.setProperty(STUDENTS, List.copyOf(new java.util.TreeSet<>(studentIds)));
    }

    @Context
    ResourceInfo resource;
    @Inject
    SchoolStore store;
    @Inject
    AccessPolicy policy;
    @Inject
    Provider<org.glassfish.grizzly.http.server.Request> http;
    @Inject
    Clock clock;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Rule rule = AccessFilter.ruleOf(resource.getResourceMethod());
        if (rule == null || !rule.audited()) {
            return;
        }
        SignedIn who = Callers.who(request.getSecurityContext());
        var path = request.getUriInfo().getPathParameters();
        String school = path.getFirst("school");
        if (school == null && request.getProperty(SCHOOL) instanceof String feedSchool) {
            school = feedSchool;
        }
        if (school != null && school.length() > 64) {
            school = school.substring(0, 64); // no school has a longer id (a refused or mistyped address)
        }
        try {
            Object actor = request.getProperty(ACTOR);
            store.audit().append(clock.instant(), actor instanceof String feed ? feed : who == null ? null
                    : who.accountId(), actor instanceof String ? "calendar-feed" : who == null ? null
                    : who.role().wire(), action(request), school,
                    students(request, rule, path.getFirst("school")), remote(), response.getStatus());
        } catch (RuntimeException e) {
            LOG.error("audit: could not record {} ({})", action(request), e.toString());
            if (response.getStatus() < 400) {
                // no student's record leaves the server unrecorded: the answer becomes a 503 (the store's state shows
                // in /api/health)
                response.setStatus(503);
                response.getHeaders().remove(jakarta.ws.rs.core.HttpHeaders.CONTENT_DISPOSITION);
                response.setEntity(org.regroup.rest.errors.Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                        "the audit log could not record this read or change; try again").at(
                        org.regroup.rest.errors.ErrorMappers.path(request.getUriInfo())), null,
                        org.regroup.rest.errors.Problem.TYPE);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> students(ContainerRequestContext request, Rule rule, String school) {
        var path = request.getUriInfo().getPathParameters();
        if (path.containsKey("studentId")) {
            return List.of(path.getFirst("studentId"));
        }
        Object named = request.getProperty(STUDENTS);
        if (named instanceof Collection<?> ids) {
            return new ArrayList<>(new java.util.TreeSet<>((Collection<String>) ids));
        }
        if (rule == Rule.DAY_REQUESTS_READ || rule == Rule.DAY_REQUESTS_WRITE || rule == Rule.ATTENDANCE
                || rule == Rule.CALENDAR_FEED || rule == Rule.CALENDAR_FEEDS) {
            return List.of(); // refused or unreadable before it named a student: it read or wrote nobody's
        }
        if (rule == Rule.ROSTER && path.containsKey("date")) {
            return new ArrayList<>(new java.util.TreeSet<>(policy.rosterStudents(school, path.getFirst("date"),
                    path.getFirst("staffId"))));
        }
        return List.of(AuditLog.EVERY_STUDENT);
    }

    /** The operation: the method and the address template ({@code GET /api/schools/{school}/days/{date}/…}). */
    private String action(ContainerRequestContext request) {
        StringBuilder template = new StringBuilder();
        Path type = resource.getResourceClass() == null ? null : resource.getResourceClass().getAnnotation(Path.class);
        Path method = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Path.class);
        if (type != null) {
            template.append(type.value().startsWith("/") ? "" : "/").append(type.value());
        }
        if (method != null) {
            template.append(method.value().startsWith("/") ? "" : "/").append(method.value());
        }
        String action = request.getMethod() + " " + template;
        return action.length() > 200 ? action.substring(0, 200) : action;
    }

    private String remote() {
        try {
            String address = http.get().getRemoteAddr();
            return address == null || address.length() > 64 ? null : address;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
