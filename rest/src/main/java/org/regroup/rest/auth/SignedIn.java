package org.regroup.rest.auth;

import java.security.Principal;
import java.util.Set;

import org.regroup.store.Accounts;
import org.regroup.store.Role;

/**
 * Who is asking: an account, its role and school, the staff or student id it is, a guardian's children, and how it
 * signed in. Its name is the account id (logs and the audit hold ids, never names).
 */
public record SignedIn(String accountId, Role role, String schoolId, String personId, Set<String> children, Via via,
        String csrfToken) implements Principal {

    /** How the request proved who it is. */
    public enum Via {
        /** {@code Authorization: Bearer …}: a script or integration; no CSRF (a browser never adds it by itself). */
        TOKEN,
        /** The session cookie of a browser: state changes also need the session's CSRF token. */
        SESSION
    }

    static SignedIn of(Accounts.Account a, Via via, String csrfToken) {
        return new SignedIn(a.id(), a.role(), a.schoolId(), a.personId(), Set.copyOf(a.children()), via, csrfToken);
    }

    @Override
    public String getName() {
        return accountId;
    }

    public boolean districtAdmin() {
        return role == Role.DISTRICT_ADMIN;
    }

    /** Whether the account belongs to {@code school} (a district admin belongs to every school). */
    public boolean of(String school) {
        return districtAdmin() || (schoolId != null && schoolId.equals(school));
    }
}
