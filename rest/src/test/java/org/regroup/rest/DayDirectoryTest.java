package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.io.Json;
import org.regroup.rest.api.DayDirectory;

class DayDirectoryTest {

    private final DayProblem day = Api.smallProblem();
    private final DayDirectory directory = DayDirectory.of(day);

    @Test
    void namesEveryoneAndEverythingTheDayHas() {
        assertThat(directory.staff()).hasSameSizeAs(day.staff());
        assertThat(directory.spaces()).hasSameSizeAs(day.spaces());
        assertThat(directory.students()).hasSameSizeAs(day.students());
        assertThat(directory.skills()).hasSameSizeAs(day.skills());
        assertThat(directory.requests()).hasSameSizeAs(day.requests());
        // the modalities as planned: the defaults (with their group sizes) even where the day gives none
        assertThat(directory.modalities()).extracting(DayDirectory.Modality::id)
                .contains(ModalityCatalog.SMALL_GROUP, ModalityCatalog.ONE_TO_ONE);
        assertThat(directory.modalities()).allSatisfy(m -> assertThat(m.maxSize()).isNotNull());
    }

    @Test
    void saysAccommodationsInWordsAndLeavesMasteryOut() throws Exception {
        var withNeeds = day.students().stream().filter(s -> s.accommodations() != null
                && s.accommodations().minStaffLedBlocksOrZero() > 0).findFirst().orElseThrow();
        assertThat(directory.students()).filteredOn(p -> p.id().equals(withNeeds.id())).singleElement()
                .satisfies(p -> assertThat(p.accommodations()).anyMatch(a -> a.startsWith("needs ")));
        String json = Json.mapper().writeValueAsString(directory);
        assertThat(json).doesNotContain("\"mastery\"");
        assertThat(json.length()).isLessThan(Json.mapper().writeValueAsString(day).length() / 4);
    }
}
