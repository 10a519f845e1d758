package org.regroup.rest.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Authenticator;
import org.regroup.rest.auth.Callers;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.auth.SignedIn;
import org.regroup.rest.errors.ApiException;
import org.regroup.store.Accounts;

/**
 * The signed-in account's API tokens, for scripts and integrations ({@code Authorization: Bearer rg_…}): made with an
 * expiry (90 days unless asked, at most 366), shown once, listed without their secret, revoked at once.
 */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
public final class TokenResource {

    /** {@code days}: how long it lasts. */
    public record NewTokenRequest(String name, Integer days) {
    }

    /** A token as listed: never its secret. */
    public record TokenView(String id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt,
            Instant lastUsedAt) {
        static TokenView of(Accounts.Token t) {
            return new TokenView(t.id(), t.name(), t.createdAt(), t.expiresAt(), t.revokedAt(), t.lastUsedAt());
        }
    }

    /** A new token: {@code token} is the secret, shown this once. */
    public record Issued(String id, String name, String token, Instant expiresAt) {
    }

    @Inject
    Authenticator authenticator;

    @GET
    @Access(Rule.SIGNED_IN)
    @Operation(summary = "The signed-in account's API tokens (never their secrets)")
    public List<TokenView> list(@Context SecurityContext context) {
        return authenticator.tokens(account(context).accountId()).stream().map(TokenView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Rule.SIGNED_IN)
    @Operation(summary = "Make an API token for the signed-in account (its secret is in this answer only)")
    public Response issue(NewTokenRequest body, @Context SecurityContext context) {
        if (body == null || body.name() == null || body.name().isBlank() || body.name().length() > 100) {
            throw ApiException.invalidBody("send {\"name\": \"what it is for\", \"days\": 90} (a name of 1 to 100 "
                    + "characters)");
        }
        Duration days = body.days() == null ? Authenticator.TOKEN_DEFAULT : Duration.ofDays(body.days());
        if (days.isNegative() || days.isZero() || days.compareTo(Authenticator.TOKEN_MAX) > 0) {
            throw ApiException.unprocessable("days must be 1 to "
                    + Authenticator.TOKEN_MAX.toDays() + ", was " + body.days());
        }
        Authenticator.NewToken made = authenticator.issueToken(account(context).accountId(), body.name().strip(),
                days);
        return Response.status(201).entity(new Issued(made.token().id(), made.token().name(), made.secret(),
                made.token().expiresAt())).build();
    }

    @DELETE
    @Path("{tokenId}")
    @Access(Rule.SIGNED_IN)
    @Operation(summary = "Revoke one of the signed-in account's tokens (it stops working at once)")
    public Response revoke(@PathParam("tokenId") String tokenId, @Context SecurityContext context) {
        if (!authenticator.revoke(account(context).accountId(), tokenId)) {
            throw ApiException.notFound("no live token '" + tokenId + "' of this account");
        }
        return Response.noContent().build();
    }

    private static SignedIn account(SecurityContext context) {
        SignedIn who = Callers.who(context);
        if (who == null) {
            throw ApiException.notFound("this server runs without sign-in: there are no tokens");
        }
        return who;
    }
}
