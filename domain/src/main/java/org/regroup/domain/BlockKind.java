package org.regroup.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a time block is for: skill work on the graph, advisory, or interest-based activities. */
public enum BlockKind {
    @JsonProperty("skills") SKILLS,
    @JsonProperty("advisory") ADVISORY,
    @JsonProperty("activities") ACTIVITIES;

    public FocusKind focusKind() {
        return switch (this) {
            case SKILLS -> FocusKind.SKILL;
            case ADVISORY -> FocusKind.ADVISORY;
            case ACTIVITIES -> FocusKind.ACTIVITY;
        };
    }
}
