package org.regroup.rest.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Authenticator;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.auth.Security;
import org.regroup.rest.auth.SessionCookies;
import org.regroup.rest.auth.oidc.OidcSignIn;

/**
 * Signing in with the school's identity provider (Google Workspace, Microsoft Entra… by OpenID Connect): a browser
 * opens {@code /api/session/oidc/{provider}}, signs in there, comes back to the callback and gets the same session
 * cookie as a password sign-in. {@code serve --oidc FILE} configures the providers (docs/api.md).
 */
@Path(OidcSignIn.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class OidcSignInResource {

    /** A provider and where a browser starts signing in with it. */
    public record Provider(String id, String signIn) {
    }

    public record Providers(List<Provider> providers) {
    }

    @Inject
    OidcSignIn oidc;
    @Inject
    Security security;

    @GET
    @Access(Rule.PUBLIC)
    @Operation(summary = "The identity providers this server signs in with (none unless serve --oidc names some)")
    public Providers providers() {
        return new Providers(oidc.providers().stream().map(id -> new Provider(id, OidcSignIn.PATH + "/" + id))
                .toList());
    }

    @GET
    @Path("{provider}")
    @Access(Rule.PUBLIC)
    @Operation(summary = "Sign in with an identity provider: redirects the browser to it",
            responses = @ApiResponse(responseCode = "303", description = "To the identity provider"))
    public Response start(@PathParam("provider") String provider,
            @CookieParam(OidcSignIn.BROWSER_COOKIE) String browser) {
        OidcSignIn.Start start = oidc.start(provider, browser);
        return Response.seeOther(start.authorization())
                .cookie(browserCookie(start.browser(), (int) OidcSignIn.PENDING_FOR.toSeconds())).build();
    }

    @GET
    @Path("{provider}/callback")
    @Access(Rule.PUBLIC)
    @Operation(summary = "Where the identity provider sends the browser back: sets the session cookie",
            responses = @ApiResponse(responseCode = "303", description = "Signed in: to /"))
    public Response callback(@PathParam("provider") String provider, @QueryParam("code") String code,
            @QueryParam("state") String state, @QueryParam("error") String error,
            @CookieParam(OidcSignIn.BROWSER_COOKIE) String browser) {
        Authenticator.NewSession session = oidc.finish(provider, code, state, error, browser);
        return Response.seeOther(URI.create("/")).cookie(SessionCookies.of(session, security)).build();
    }

    /**
     * SameSite=Lax, unlike the session cookie: the provider sends the browser back by a cross-site navigation, on
     * which a Strict cookie would not be sent. Only sent to these endpoints, for 10 minutes.
     */
    private NewCookie browserCookie(String value, int maxAge) {
        return new NewCookie.Builder(OidcSignIn.BROWSER_COOKIE).value(value).path(OidcSignIn.PATH).maxAge(maxAge)
                .httpOnly(true).secure(security.tls()).sameSite(NewCookie.SameSite.LAX).build();
    }
}
