package org.regroup.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.regroup.domain.io.Json;

/**
 * A plan read back is the plan written: the JSON leaves empty lists out (NON_EMPTY), and reading must give them back
 * as empty lists, not nulls — an empty block or a day with nobody present is a plan like any other.
 */
class PlanJsonTest {

    @Test
    void emptyListsComeBackEmptyNotNull() throws Exception {
        Plan empty = new Plan(Plan.FORMAT, Plan.VERSION, "p", LocalDate.of(2026, 11, 30), "0hard/0medium/0soft", true,
                true, null, List.of(new BlockPlan("B1", LocalTime.of(9, 0), LocalTime.of(10, 0), List.of())),
                List.of(new StudentDay("S1", List.of())), List.of(), List.of());
        String json = Json.mapper().writeValueAsString(empty);
        assertThat(json).doesNotContain("sessions");

        Plan read = Json.mapper().readValue(json, Plan.class);

        assertThat(read.blocks().get(0).sessions()).isEmpty();
        assertThat(read.students().get(0).blocks()).isEmpty();
        assertThat(read.unplaced()).isEmpty();
        assertThat(read.violations()).isEmpty();
        assertThat(Json.mapper().readValue("{\"blockId\":\"B1\",\"sessions\":null}", BlockPlan.class).sessions())
                .isEmpty();
    }
}
