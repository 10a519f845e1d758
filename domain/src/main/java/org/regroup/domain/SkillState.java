package org.regroup.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a student stands on a skill they are ready for; modalities suit some states better than others. */
public enum SkillState {
    @JsonProperty("new") NEW,
    @JsonProperty("practising") PRACTISING,
    @JsonProperty("near-mastery") NEAR_MASTERY
}
