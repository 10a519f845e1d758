package org.regroup.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.regroup.domain.BlockKind;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.StaffRole;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.demo.CoverageEstimate.BlockCoverage;
import org.regroup.domain.demo.DatasetGenerator.Preset;

class CoverageTest {

    @ParameterizedTest
    @EnumSource(value = Preset.class, names = "OVERCONSTRAINED", mode = EnumSource.Mode.EXCLUDE)
    void everyBlockIsComfortablyCoverable(Preset preset) {
        DayProblem p = Generated.preset(preset);
        List<BlockCoverage> blocks = CoverageEstimate.of(p);
        assertThat(blocks).filteredOn(c -> c.kind() == BlockKind.SKILLS).isNotEmpty()
                .allSatisfy(c -> assertThat(c.ratio()).as(c.toString()).isGreaterThanOrEqualTo(1.3));
        // every advisor takes at most 20, so advisory can only be as roomy as the advisors' share allows
        assertThat(blocks).filteredOn(c -> c.kind() == BlockKind.ADVISORY)
                .allSatisfy(c -> assertThat(c.ratio()).as(c.toString()).isGreaterThanOrEqualTo(1.05));
        assertThat(blocks).filteredOn(c -> c.kind() == BlockKind.ACTIVITIES)
                .allSatisfy(c -> assertThat(c.ratio()).as(c.toString()).isGreaterThanOrEqualTo(1.3));
    }

    @Test
    void coverageHoldsForOtherSeedsToo() {
        // SMALL has the least slack (six adults, every absence counts); MEDIUM once more for good measure
        List<DayProblem> days = List.of(DatasetGenerator.generate(Preset.SMALL, 2),
                DatasetGenerator.generate(Preset.SMALL, 3), DatasetGenerator.generate(Preset.SMALL, 4),
                DatasetGenerator.generate(Preset.MEDIUM, 2));
        for (DayProblem p : days) {
            assertThat(CoverageEstimate.minRatio(p, BlockKind.SKILLS)).as(p.id()).isGreaterThanOrEqualTo(1.3);
        }
    }

    @Test
    void theOverconstrainedDayCannotBeCovered() {
        DayProblem p = Generated.preset(Preset.OVERCONSTRAINED);
        assertThat(CoverageEstimate.of(p)).filteredOn(c -> c.kind() == BlockKind.SKILLS)
                .allSatisfy(c -> assertThat(c.ratio()).as(c.toString()).isLessThan(1.0));
        assertThat(p.school().catchAll()).isEmpty();
        long teachersOut = p.staff().stream().filter(s -> s.role() == StaffRole.TEACHER)
                .filter(s -> s.availableBlocks() != null && s.availableBlocks().isEmpty()).count();
        long teachers = p.staff().stream().filter(s -> s.role() == StaffRole.TEACHER).count();
        assertThat(teachersOut / (double) teachers).isBetween(0.4, 0.5);
        for (TimeBlock b : p.blocks()) {
            assertThat(p.staff()).as(b.id()).anyMatch(s -> s.availableIn(b.id()));
        }
    }

    @Test
    void theOverconstrainedDayIsTheMediumDayWithAdultsOut() {
        DayProblem medium = Generated.preset(Preset.MEDIUM);
        DayProblem bad = Generated.preset(Preset.OVERCONSTRAINED);
        assertThat(bad.students()).isEqualTo(medium.students());
        assertThat(bad.staff()).extracting(s -> s.id()).isEqualTo(medium.staff().stream().map(s -> s.id()).toList());
    }

    @Test
    void offSiteDayHasTwoPlacesToGoAndTimeToGetThere() {
        DayProblem p = Generated.preset(Preset.OFFSITE);
        List<Space> sites = p.spaces().stream().filter(s -> s.kind() == SpaceKind.OFF_SITE).toList();
        assertThat(sites).extracting(Space::name).containsExactly("Science museum", "Community garden");
        int travel = sites.stream().mapToInt(Space::travelMinutesOrZero).max().orElseThrow();
        List<TimeBlock> blocks = p.blocks();
        int at = blocks.stream().map(TimeBlock::kindOrDefault).toList().indexOf(BlockKind.ACTIVITIES);
        TimeBlock activities = blocks.get(at);
        long gapBefore = Duration.between(blocks.get(at - 1).end(), activities.start()).toMinutes();
        assertThat(gapBefore).as("lunch before the activities block").isGreaterThanOrEqualTo(45);
        assertThat(gapBefore).isGreaterThanOrEqualTo(travel);
        if (at + 1 < blocks.size()) {
            assertThat(Duration.between(activities.end(), blocks.get(at + 1).start()).toMinutes())
                    .isGreaterThanOrEqualTo(travel);
        }
        assertThat(p.activities()).anyMatch(a -> a.modalities().contains(ModalityCatalog.OFF_SITE));
        assertThat(p.staff().stream().filter(s -> s.maySuperviseOffSite()).count()).isGreaterThanOrEqualTo(3);
        assertThat(p.students().stream().filter(s -> s.accommodationsOrNone().noOffSite()).count())
                .isGreaterThanOrEqualTo(3);
    }
}
