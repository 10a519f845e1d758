package org.regroup.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a session is about: a skill on the graph, advisory time, or a non-skill activity (project, enrichment). */
public enum FocusKind {
    @JsonProperty("skill") SKILL,
    @JsonProperty("advisory") ADVISORY,
    @JsonProperty("activity") ACTIVITY
}
