package org.regroup.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum SpaceKind {
    @JsonProperty("classroom") CLASSROOM,
    @JsonProperty("lab") LAB,
    @JsonProperty("small-room") SMALL_ROOM,
    /** A large open room with stations where several groups work at once. */
    @JsonProperty("studio") STUDIO,
    @JsonProperty("library") LIBRARY,
    @JsonProperty("off-site") OFF_SITE
}
