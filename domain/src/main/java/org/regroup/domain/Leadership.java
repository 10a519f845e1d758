package org.regroup.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who must run a session of a modality. */
public enum Leadership {
    /** A certified teacher leads (e.g. small-group instruction, seminar). */
    @JsonProperty("teacher") TEACHER,
    /** Any adult qualified for the content leads (e.g. 1:1 tutoring by a tutor or specialist). */
    @JsonProperty("qualified-adult") QUALIFIED_ADULT,
    /** Students work on their own; an adult only supervises (online or independent practice). */
    @JsonProperty("supervision") SUPERVISION;

    /** Staff-led time is what accommodations like "at least 2 staff-led blocks" count. */
    public boolean isStaffLed() {
        return this != SUPERVISION;
    }
}
