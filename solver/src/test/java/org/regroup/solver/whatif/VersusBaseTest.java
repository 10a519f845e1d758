package org.regroup.solver.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Request;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.plan.Kpis;
import org.regroup.solver.kpi.KpiCalculator.StudentOutcome;

/** The differences a principal reads, on hand-made outcomes. */
class VersusBaseTest {

    private static final Kpis KPIS = new Kpis(10, 1.0, 0, 0.5, 2, 4, 4, 0, 2.0, 0.8, Map.of(), 3, "0hard/0medium/0soft");

    private static VariantResult result(Map<String, Integer> loads, List<Request> requests, StudentOutcome... students) {
        Map<String, StudentOutcome> byId = new LinkedHashMap<>();
        for (StudentOutcome s : students) {
            byId.put(s.studentId(), s);
        }
        DayProblem problem = new DayProblem("regroup/day-problem", 1, "d", null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), requests, Map.of());
        return new VariantResult("v", null, true, true, "0hard/0medium/0soft", KPIS, 3, 0, loads, Duration.ZERO,
                Map.of(), List.of(), byId, null, problem);
    }

    @Test
    void onlyStudentsWhoNeedStaffLedTimeAreCountedAsLosingIt() {
        VariantResult base = result(Map.of(), List.of(), new StudentOutcome("S1", 3, 2, List.of()),
                new StudentOutcome("S2", 2, 0, List.of()), new StudentOutcome("S3", 2, 2, List.of()));
        VariantResult variant = result(Map.of(), List.of(), new StudentOutcome("S1", 2, 2, List.of()),
                new StudentOutcome("S2", 0, 0, List.of()), new StudentOutcome("S3", 2, 2, List.of()));

        VersusBase d = VersusBase.of(base, variant);

        assertThat(d.loseStaffLedTime()).containsExactly(new VersusBase.StaffLedChange("S1", 3, 2, 2));
    }

    @Test
    void accommodationsThatBecomeUnmetOrMetAreListedByStudent() {
        VariantResult base = result(Map.of(), List.of(), new StudentOutcome("S1", 2, 2, List.of("quiet space")),
                new StudentOutcome("S2", 2, 2, List.of()));
        VariantResult variant = result(Map.of(), List.of(), new StudentOutcome("S1", 2, 2, List.of()),
                new StudentOutcome("S2", 1, 2, List.of("staff-led time")));

        VersusBase d = VersusBase.of(base, variant);

        assertThat(d.newlyUnmet()).containsExactly(new VersusBase.Accommodation("S2", List.of("staff-led time")));
        assertThat(d.newlyMet()).containsExactly(new VersusBase.Accommodation("S1", List.of("quiet space")));
    }

    @Test
    void adultLoadChangesIncludeAdultsWhoLeaveOrArrive() {
        VariantResult base = result(Map.of("T1", 5, "A1", 3, "A2", 4), List.of());
        VariantResult variant = result(Map.of("T1", 5, "A1", 4, "TU9", 6), List.of());

        VersusBase d = VersusBase.of(base, variant);

        assertThat(d.adultLoads()).containsExactly(new VersusBase.LoadChange("A1", 3, 4),
                new VersusBase.LoadChange("A2", 4, null), new VersusBase.LoadChange("TU9", null, 6));
    }

    @Test
    void requestsTheVariantDropsAreListedWithWhoAsked() {
        Request kept = new Request("R1", "S1", "B1", "T1", null, null, RequestPriority.TEACHER, "T1", null);
        Request dropped = new Request("R2", "S2", null, "A2", null, null, RequestPriority.ADMIN_REQUIRED, "admin",
                null);
        VersusBase d = VersusBase.of(result(Map.of(), List.of(kept, dropped)), result(Map.of(), List.of(kept)));

        assertThat(d.droppedRequests()).containsExactly(
                new VersusBase.DroppedRequest("R2", "S2", RequestPriority.ADMIN_REQUIRED, "admin"));
    }
}
