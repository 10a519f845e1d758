package org.regroup.rest.api;

import java.time.Instant;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.AccessFilter;
import org.regroup.rest.auth.Authenticator;
import org.regroup.rest.auth.Callers;
import org.regroup.rest.auth.Passwords;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.auth.Security;
import org.regroup.rest.auth.SignedIn;
import org.regroup.rest.errors.ApiException;
import org.regroup.rest.errors.Problem;

/**
 * Signing in and out with a browser: a password gives a session cookie (HttpOnly, SameSite=Strict, Secure over
 * HTTPS) and the CSRF token every change made with that session must send ({@code X-CSRF-Token}). Scripts use API
 * tokens instead ({@code /api/tokens}). The first administrator is made once with the setup token the server prints.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {

    public record SignIn(String username, String password) {
    }

    /** Who is signed in: ids and role, never a name; {@code csrfToken} for a browser session. */
    public record Me(String accountId, String role, String schoolId, String personId, Set<String> children,
            String via, String csrfToken, Instant expiresAt) {
        static Me of(SignedIn who, Instant expiresAt) {
            return new Me(who.accountId(), who.role().wire(), who.schoolId(), who.personId(), who.children(),
                    who.via().name().toLowerCase(), who.csrfToken(), expiresAt);
        }
    }

    public record Setup(String setupToken, String username, String password) {
    }

    @Inject
    Authenticator authenticator;
    @Inject
    Security security;
    @Inject
    jakarta.inject.Provider<org.glassfish.grizzly.http.server.Request> http;

    @POST
    @Path("session")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Rule.PUBLIC)
    @Operation(summary = "Sign in with a username and password: a session cookie and its CSRF token")
    public Response signIn(SignIn body) {
        if (body == null || body.username() == null || body.password() == null) {
            throw ApiException.invalidBody("send {\"username\": \"…\", \"password\": \"…\"}");
        }
        try {
            Authenticator.NewSession session = authenticator.signIn(body.username(), body.password(),
                    http.get().getRemoteAddr());
            return Response.ok(Me.of(session.who(), session.expiresAt()))
                    .cookie(cookie(session.cookieValue(), (int) Authenticator.SESSION_MAX.toSeconds())).build();
        } catch (Authenticator.SignInFailed failed) {
            if (failed.retryAfter() != null) {
                return Response.status(429).type(Problem.TYPE)
                        .header("Retry-After", Math.max(1, failed.retryAfter().toSeconds()))
                        .entity(Problem.of(Response.Status.TOO_MANY_REQUESTS, failed.getMessage())
                                .at("/api/session")).build();
            }
            return Response.status(401).type(Problem.TYPE).header("WWW-Authenticate", "Bearer realm=\"regroup\"")
                    .entity(Problem.of(Response.Status.UNAUTHORIZED, failed.getMessage()).at("/api/session"))
                    .build();
        }
    }

    @GET
    @Path("session")
    @Access(Rule.SIGNED_IN)
    @Operation(summary = "Who is signed in (ids and role) and the session's CSRF token")
    public Me me(@Context SecurityContext context) {
        SignedIn who = Callers.who(context);
        if (who == null) {
            throw ApiException.notFound("this server runs without sign-in");
        }
        return Me.of(who, null);
    }

    @DELETE
    @Path("session")
    @Access(Rule.SIGNED_IN)
    @Operation(summary = "Sign out: the session ends and its cookie is cleared")
    public Response signOut(@CookieParam(AccessFilter.SESSION_COOKIE) String session) {
        authenticator.signOut(session);
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    /** With no account yet, makes the first (a district admin) with the setup token the server printed. */
    @POST
    @Path("setup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Rule.PUBLIC)
    @Operation(summary = "Make the first administrator with the one-time setup token the server printed")
    public Response setUp(Setup body) {
        if (body == null || body.setupToken() == null || body.username() == null || body.password() == null) {
            throw ApiException.invalidBody("send {\"setupToken\": \"…\", \"username\": \"…\", \"password\": \"…\"}");
        }
        String weak = Passwords.weakness(body.username(), body.password());
        if (weak != null) {
            throw ApiException.unprocessable(weak);
        }
        if (!org.regroup.rest.auth.AccountAdmin.USERNAME.matcher(body.username()).matches()) {
            throw ApiException.unprocessable(org.regroup.rest.auth.AccountAdmin.USERNAME_RULE);
        }
        if (!authenticator.setUp(body.setupToken(), body.username(), body.password())) {
            throw new ApiException(Response.Status.FORBIDDEN, "the setup token is wrong or was used; once an "
                    + "account exists, accounts are made by administrators (or ./regroup users add)");
        }
        return Response.status(201).entity(java.util.Map.of("role", "district-admin", "signIn", "/api/session"))
                .build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(AccessFilter.SESSION_COOKIE).value(value).path("/").maxAge(maxAge)
                .httpOnly(true).secure(security.tls()).sameSite(NewCookie.SameSite.STRICT).build();
    }

}
