package org.regroup.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an adult is hired as; decides which modalities they may lead by default. */
public enum StaffRole {
    @JsonProperty("teacher") TEACHER,
    @JsonProperty("aide") AIDE,
    @JsonProperty("specialist") SPECIALIST,
    @JsonProperty("tutor") TUTOR,
    @JsonProperty("counselor") COUNSELOR
}
