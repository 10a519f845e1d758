package org.regroup.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ActivityKind {
    @JsonProperty("project") PROJECT,
    @JsonProperty("enrichment") ENRICHMENT
}
