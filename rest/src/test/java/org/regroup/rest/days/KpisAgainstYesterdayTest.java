package org.regroup.rest.days;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.regroup.domain.plan.Kpis;

class KpisAgainstYesterdayTest {

    private static Kpis kpis(double placedShare, int catchAll, int openSessions) {
        return new Kpis(300, placedShare, catchAll, 0.5, 4, 8, 7, 1, 2.5, 0.8,
                Map.of("seminar", new Kpis.GroupSizes(3, 7.0, 9)), openSessions, "0hard/0medium/-10soft");
    }

    @Test
    void everyNumberOfTheKpisIsSideBySideWithItsChange() {
        KpisAgainstYesterday compared = KpisAgainstYesterday.of("2026-11-23 v1", kpis(1.0, 4, 30),
                kpis(0.98, 1, 32), null);

        assertThat(compared.yesterday()).isEqualTo("2026-11-23 v1");
        assertThat(compared.kpis()).extracting(KpisAgainstYesterday.Row::kpi).containsExactly("presentStudentBlocks",
                "placedShare", "catchAllStudentBlocks", "goalSkillShare", "studentsWithStaffLedNeed",
                "staffLedRequired", "staffLedDelivered", "studentsWithUnmetAccommodation", "meanDistinctModalities",
                "staffUtilization", "openSessions");
        assertThat(compared.kpis()).filteredOn(r -> r.kpi().equals("placedShare")).singleElement()
                .isEqualTo(new KpisAgainstYesterday.Row("placedShare", 1.0, 0.98, -0.02));
        assertThat(compared.kpis()).filteredOn(r -> r.kpi().equals("catchAllStudentBlocks")).singleElement()
                .isEqualTo(new KpisAgainstYesterday.Row("catchAllStudentBlocks", 4, 1, -3));
        assertThat(compared.kpis()).filteredOn(r -> r.kpi().equals("openSessions")).singleElement()
                .extracting(KpisAgainstYesterday.Row::change).isEqualTo(2.0);
        assertThat(compared.kpis()).filteredOn(r -> r.kpi().equals("staffUtilization")).singleElement()
                .extracting(KpisAgainstYesterday.Row::change).isEqualTo(0.0);
    }
}
