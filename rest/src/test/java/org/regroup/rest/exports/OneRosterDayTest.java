package org.regroup.rest.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.regroup.domain.FocusKind;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.Focus;
import org.regroup.domain.plan.SessionPlan;

/** The pieces of the OneRoster export that do not need a store: ids, titles, grade codes, the school year. */
class OneRosterDayTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @Test
    void aClassIdDependsOnSchoolDateBlockAndSessionOnlyAndIsShortAndPlain() {
        String id = SourcedIds.klass("demo", DAY, "B2", "T03@B2");

        assertThat(id).isEqualTo(SourcedIds.klass("demo", DAY, "B2", "T03@B2")).matches("rg-class-[0-9a-f]{20}");
        assertThat(id).isNotEqualTo(SourcedIds.klass("demo", DAY, "B3", "T03@B2"))
                .isNotEqualTo(SourcedIds.klass("demo", DAY.plusDays(1), "B2", "T03@B2"))
                .isNotEqualTo(SourcedIds.klass("north", DAY, "B2", "T03@B2"))
                .isNotEqualTo(SourcedIds.klass("demo", DAY, "B2", "T04@B2"));
        // the parts are kept apart: "B2" + "1x" is not "B21" + "x"
        assertThat(SourcedIds.klass("demo", DAY, "B2", "1x")).isNotEqualTo(SourcedIds.klass("demo", DAY, "B21", "x"));
        assertThat(SourcedIds.enrollment(id, "s1")).matches("rg-enr-[0-9a-f]{20}")
                .isNotEqualTo(SourcedIds.enrollment(id, "s2"));
    }

    @Test
    void aClassTitleSaysTheBlockTheModalityAndTheSharedFocus() {
        BlockPlan block = new BlockPlan("B2", LocalTime.of(9, 0), LocalTime.of(9, 45), List.of());

        assertThat(OneRosterDay.title(block, new SessionPlan("s", new Focus(FocusKind.SKILL, "3.NF.1", "Fractions"),
                "small-group", "t1", "R1", false, List.of()))).isEqualTo("B2 · small-group · 3.NF.1");
        assertThat(OneRosterDay.title(block, new SessionPlan("s", null, "online", null, "LAB", false, List.of())))
                .isEqualTo("B2 · online");
        assertThat(OneRosterDay.title(block, new SessionPlan("s", null, "supervised", "a1", "LIB", true,
                List.of()))).isEqualTo("B2 · catch-all");
    }

    @Test
    void gradesAreOneRosterCodesAndTheSchoolYearIsTheYearItEndsIn() {
        assertThat(OneRosterDay.gradeCodes(new TreeSet<>(List.of(3, 0, 12)))).isEqualTo("KG,03,12");
        assertThat(OneRosterDay.schoolYear(DAY)).isEqualTo(2027);
        assertThat(OneRosterDay.schoolYear(LocalDate.of(2027, 3, 1))).isEqualTo(2027);
    }
}
