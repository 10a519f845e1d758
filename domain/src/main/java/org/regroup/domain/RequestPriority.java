package org.regroup.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The transparent priority ladder between competing requests, highest first.
 * An admin-required request is a pin: the plan must honour it.
 */
public enum RequestPriority {
    @JsonProperty("admin-required") ADMIN_REQUIRED,
    @JsonProperty("teacher") TEACHER,
    @JsonProperty("student") STUDENT,
    @JsonProperty("default") DEFAULT;

    /** Soft weight of honouring a non-admin request (admin-required is hard). */
    public int softWeight() {
        return switch (this) {
            case ADMIN_REQUIRED -> 0;
            case TEACHER -> 3;
            case STUDENT -> 2;
            case DEFAULT -> 1;
        };
    }
}
