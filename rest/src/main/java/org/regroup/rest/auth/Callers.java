package org.regroup.rest.auth;

import jakarta.ws.rs.core.SecurityContext;
import org.regroup.rest.plans.Owner;

/** Who is asking, as resources need it: the owner of what they create, the name an override is recorded under. */
public final class Callers {

    private Callers() {
    }

    /** The signed-in account, or null when the server runs without sign-in. */
    public static SignedIn who(SecurityContext context) {
        return context != null && context.getUserPrincipal() instanceof SignedIn s ? s : null;
    }

    public static Owner owner(SecurityContext context) {
        SignedIn who = who(context);
        return who == null ? Owner.NOBODY : new Owner(who.accountId(), who.schoolId());
    }
}
