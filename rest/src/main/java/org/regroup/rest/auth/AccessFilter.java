package org.regroup.rest.auth;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.regroup.rest.errors.ErrorMappers;
import org.regroup.rest.errors.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gate of the API: who asks (an API token, or a browser session whose state changes carry its CSRF token),
 * then whether they may ({@link AccessPolicy} on the method's {@link Rule}). Refusals are problem details: 401 with
 * {@code WWW-Authenticate} when nobody is signed in, 403 or 404 as the policy says.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AccessFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);

    public static final String SESSION_COOKIE = "regroup_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    @Context
    ResourceInfo resource;
    @Inject
    Authenticator authenticator;
    @Inject
    AccessPolicy policy;
    @Inject
    Security security;

    @Override
    public void filter(ContainerRequestContext request) {
        Rule rule = ruleOf(resource.getResourceMethod());
        if (!security.signInRequired()) {
            return;
        }
        Optional<SignedIn> who = authenticate(request);
        if (who.isEmpty()) {
            if (rule == null || !rule.open()) {
                refuse(request, 401, request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                        || request.getCookies().containsKey(SESSION_COOKIE)
                        ? "the token or session is unknown, expired or revoked; sign in again"
                        : "sign in first (POST /api/session), or send an API token as Authorization: Bearer …");
            }
            return;
        }
        SignedIn signedIn = who.get();
        request.setSecurityContext(new CallerContext(signedIn, security.tls()));
        if (rule == null) {
            LOG.error("{} {} has no access rule: refused to everyone", request.getMethod(),
                    resource.getResourceMethod());
            refuse(request, 403, "this operation has no access rule");
            return;
        }
        if (rule != Rule.PUBLIC && signedIn.via() == SignedIn.Via.SESSION && !safe(request.getMethod())
                && !Secrets.same(signedIn.csrfToken(), request.getHeaderString(CSRF_HEADER))) {
            refuse(request, 403, "a change made with a browser session must send the session's CSRF token in the "
                    + CSRF_HEADER + " header (GET /api/session gives it)");
            return;
        }
        Map<String, String> path = new HashMap<>();
        request.getUriInfo().getPathParameters().forEach((k, v) -> path.put(k, v.isEmpty() ? null : v.get(0)));
        path.put("?version", request.getUriInfo().getQueryParameters().getFirst("version"));
        policy.decide(rule, signedIn, path).ifPresent(r -> refuse(request, r.status(), r.detail()));
    }

    /** The rule of a resource method, or null when it has none (refused). */
    public static Rule ruleOf(Method method) {
        Access access = method == null ? null : method.getAnnotation(Access.class);
        return access == null ? null : access.value();
    }

    private Optional<SignedIn> authenticate(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? authenticator.byToken(authorization.substring(7).trim()) : Optional.empty();
        }
        Cookie session = request.getCookies().get(SESSION_COOKIE);
        return session == null ? Optional.empty() : authenticator.bySession(session.getValue());
    }

    private static boolean safe(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }

    private static void refuse(ContainerRequestContext request, int status, String detail) {
        Response.ResponseBuilder answer = Response.status(status).type(Problem.TYPE).entity(
                Problem.of(Response.Status.fromStatusCode(status), detail).at(ErrorMappers.path(request.getUriInfo())));
        if (status == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"regroup\"");
        }
        request.abortWith(answer.build());
    }

    /** The request's security context: the account, its role, and whether it came over HTTPS. */
    record CallerContext(SignedIn who, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return who;
        }

        @Override
        public boolean isUserInRole(String role) {
            return who.role().wire().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return who.via() == SignedIn.Via.TOKEN ? "Bearer" : FORM_AUTH;
        }
    }
}
