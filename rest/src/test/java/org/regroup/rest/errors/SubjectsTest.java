package org.regroup.rest.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The table from a request path to what its body is, including paths a server may not answer yet. */
class SubjectsTest {

    @Test
    void eachPathNamesItsBody() {
        assertThat(Subjects.of("/api/plans")).isEqualTo("day problem");
        assertThat(Subjects.of("/api/plans/p1/placements/S1/B2")).isEqualTo("override");
        assertThat(Subjects.of("/api/schools/demo/days/2026-11-23/placements/S1/B2")).isEqualTo("override");
        assertThat(Subjects.of("/api/schools/demo")).isEqualTo("school");
        assertThat(Subjects.of("/api/schools/demo/evidence")).isEqualTo("evidence batch");
        assertThat(Subjects.of("/api/schools/demo/days/2026-11-23/input")).isEqualTo("day input");
        assertThat(Subjects.of("/api/schools/demo/days/2026-11-23/changes")).isEqualTo("mid-day change");
        assertThat(Subjects.of("/api/schools/demo/days/2026-11-23/plans/2/resume")).isEqualTo("day problem");
        assertThat(Subjects.of("/api/scenarios/")).isEqualTo("scenario");
    }

    @Test
    void aPathNotListedIsARequestBody() {
        assertThat(Subjects.of("/api/plans/p1/placements/S1")).isEqualTo("request body");
        assertThat(Subjects.of("/api/schools/demo/evidence/more")).isEqualTo("request body");
        assertThat(Subjects.of(null)).isEqualTo("request body");
    }
}
