package org.regroup.store;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an account is to its school, as stored. What each role may read and do is decided in one place, the HTTP
 * layer's access policy (rest.auth.AccessPolicy, docs/api.md "Roles").
 */
public enum Role {
    DISTRICT_ADMIN("district-admin"),
    SCHOOL_ADMIN("school-admin"),
    PRINCIPAL("principal"),
    TEACHER("teacher"),
    STUDENT("student"),
    GUARDIAN("guardian");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    /** The name in the store, the API and the command line ({@code school-admin}). */
    public String wire() {
        return wire;
    }

    public static Optional<Role> of(String wire) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(wire)).findFirst();
    }

    @Override
    public String toString() {
        return wire;
    }
}
