package org.regroup.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.AccountAdmin;
import org.regroup.rest.auth.Authenticator;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.errors.ApiException;

/** The first administrator, made once with the setup token a server with no account prints when it starts. */
@Path("/api/setup")
@Produces(MediaType.APPLICATION_JSON)
public final class SetupResource {

    public record Setup(String setupToken, String username, String password) {
    }

    @Inject
    Authenticator authenticator;

    /** With no account yet, makes the first (a district admin) with the setup token the server printed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Rule.PUBLIC)
    @Operation(summary = "Make the first administrator with the one-time setup token the server printed")
    public Response setUp(Setup body) {
        if (body == null || body.setupToken() == null || body.username() == null || body.password() == null) {
            throw ApiException.invalidBody("send {\"setupToken\": \"…\", \"username\": \"…\", \"password\": \"…\"}");
        }
        AccountAdmin.checkCredentials(body.username(), body.password());
        if (!authenticator.setUp(body.setupToken(), body.username(), body.password())) {
            throw new ApiException(Response.Status.FORBIDDEN, "the setup token is wrong or was used; once an "
                    + "account exists, accounts are made by administrators (or ./regroup users add)");
        }
        return Response.status(201).entity(java.util.Map.of("role", "district-admin", "signIn", "/api/session"))
                .build();
    }

}
