package org.regroup.rest.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.AccountAdmin;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.errors.ApiException;
import org.regroup.store.Role;

/**
 * A school's accounts, managed by its administrators: who may sign in, in which role, as which adult or student, a
 * guardian's children. Accounts are disabled, not deleted (the audit log names them).
 */
@Path("/api/schools/{school}/accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountResource {

    /** A new account: {@code personId} is the staff id of a teacher or the student id of a student. */
    public record NewAccount(String username, String password, String role, String personId, Set<String> children) {
    }

    /** An account as listed: no password hash. */
    public record AccountView(String id, String username, String role, String schoolId, String personId,
            Set<String> children, boolean disabled, Instant createdAt) {
        static AccountView of(org.regroup.store.Accounts.Account a) {
            return new AccountView(a.id(), a.username(), a.role().wire(), a.schoolId(), a.personId(), a.children(),
                    a.disabled(), a.createdAt());
        }
    }

    @Inject
    AccountAdmin accounts;

    @GET
    @Access(Rule.ACCOUNTS)
    @Operation(summary = "The school's accounts")
    public List<AccountView> list(@PathParam("school") String school) {
        return accounts.list(school).stream().map(AccountView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Rule.ACCOUNTS)
    @Operation(summary = "Make an account of the school (not a district admin: those are made on the command line)")
    public Response create(@PathParam("school") String school, NewAccount body) {
        if (body == null) {
            throw ApiException.invalidBody("send {\"username\": …, \"password\": …, \"role\": \"teacher\", "
                    + "\"personId\": \"T01\"}");
        }
        Role role = Role.of(body.role()).filter(r -> r != Role.DISTRICT_ADMIN).orElseThrow(() ->
                ApiException.unprocessable("role must be one of school-admin, principal, teacher, "
                        + "student, guardian; was " + body.role()));
        var made = accounts.create(body.username(), body.password(), role, school, body.personId(),
                body.children() == null ? Set.of() : body.children());
        return Response.status(201).entity(AccountView.of(made)).build();
    }

    @POST
    @Path("{accountId}/disable")
    @Access(Rule.ACCOUNTS)
    @Operation(summary = "Disable an account of the school: its sessions end and its tokens stop working")
    public AccountView disable(@PathParam("school") String school, @PathParam("accountId") String accountId) {
        return AccountView.of(accounts.disable(school, accountId));
    }
}
