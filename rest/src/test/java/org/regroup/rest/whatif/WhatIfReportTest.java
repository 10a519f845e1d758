package org.regroup.rest.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Violation;
import org.regroup.solver.whatif.Comparison;
import org.regroup.solver.whatif.VariantResult;
import org.regroup.solver.whatif.VersusBase;

/** The report says plainly when a variant is better on one figure and worse on another. */
class WhatIfReportTest {

    private static final Violation OVER_CAP = new Violation("Group over size cap", Violation.Level.HARD,
            "session U1@B3 (block B3) has 5 students; its size cap is 1", List.of("B3"), List.of("U1@B3"),
            List.of("U1"), List.of("Q1"), List.of("S14", "S15", "S16", "S17", "S18"));

    private static VariantResult result(String name, double goalShare, int unmet, double cost, boolean workable) {
        Kpis kpis = new Kpis(100, 1.0, 0, goalShare, 5, 10, 10 - unmet, unmet, 2.0, 0.8, Map.of(), 10,
                workable ? "0hard/0medium/-10soft" : "-1hard/0medium/-10soft");
        return new VariantResult(name, null, workable, workable, kpis.score(), kpis, 10, cost, Map.of(),
                Duration.ofSeconds(1), workable ? Map.of() : Map.of("Group over size cap", 1),
                workable ? List.of() : List.of(OVER_CAP), Map.of(), null, null);
    }

    private static Comparison comparison(VariantResult base, VariantResult... variants) {
        List<Comparison.Row> rows = java.util.Arrays.stream(variants).map(v -> new Comparison.Row(v,
                new VersusBase(List.of(new VersusBase.StaffLedChange("S7", 3, 2, 2)), List.of(), List.of(), List.of(),
                        List.of()))).toList();
        return new Comparison("s", "Staffing <2027>", Duration.ofSeconds(30), Duration.ofSeconds(61), 2, base, rows,
                null);
    }

    @Test
    void aTradeOffIsReportedOnBothSides() {
        VariantResult base = result("base", 0.60, 0, 1000, true);
        VariantResult cheaper = result("minus 2 aides", 0.55, 1, 640, true);

        String verdict = WhatIfReport.verdict(base, comparison(base, cheaper).variants().get(0), "cost units");

        assertThat(verdict).contains("better on staff cost per day -360 cost units (lower)")
                .contains("worse on goal-skill share -5.0 pts (lower)").contains("unmet accommodations +1 (higher)").contains("1 student who needs staff-led time gets less of it (still at least their minimum)");
    }

    @Test
    void aPlanThatBreaksHardRulesSaysWhichOnes() {
        VariantResult base = result("base", 0.60, 0, 1000, true);
        VariantResult broken = result("no teachers", 0.60, 0, 400, false);

        Comparison c = comparison(base, broken);

        assertThat(WhatIfReport.verdict(base, c.variants().get(0), "cost units"))
                .contains("NOT feasible: it breaks Group over size cap (×1)");
        String involved = "blocks B3; staff U1; spaces Q1; students S14, S15, S16, S17, S18";
        assertThat(WhatIfReport.text(c)).contains("no teachers breaks these hard rules")
                .contains("Group over size cap: session U1@B3 (block B3) has 5 students; its size cap is 1 ("
                        + involved + ")");
        assertThat(WhatIfReport.html(c)).contains("<h2>Broken hard rules</h2>").contains(involved);
    }

    @Test
    void feasibleAndWorkableAreTheFormatsWords() {
        VariantResult base = result("base", 0.60, 0, 1000, true);
        VariantResult unplaced = new VariantResult("tight", null, true, false, "0hard/-20medium/-10soft",
                base.kpis(), 10, 1000, Map.of(), Duration.ofSeconds(1), Map.of("Student not placed", 2), List.of(),
                Map.of(), null, null);

        assertThat(WhatIfReport.standing(base)).isEqualTo("a workable plan");
        assertThat(WhatIfReport.standing(unplaced))
                .isEqualTo("feasible, NOT workable: 2 student-blocks without a seat");
        assertThat(WhatIfReport.html(comparison(base, unplaced))).contains("feasible plan<br><small>no hard rule "
                + "broken").contains("workable plan<br><small>feasible, and every student placed in a properly "
                        + "sized group").doesNotContain("Broken hard rules");
    }

    @Test
    void thePageEscapesNamesAndMarksBetterAndWorseCells() {
        VariantResult base = result("base", 0.60, 0, 1000, true);
        String html = WhatIfReport.html(comparison(base, result("<b>cheap</b>", 0.65, 0, 640, true)));

        assertThat(html).contains("Staffing &lt;2027&gt;", "&lt;b&gt;cheap&lt;/b&gt;").doesNotContain("<b>cheap")
                .contains("class=\"better\"").contains("S7 (3→2 blocks, needs 2)").contains("<svg");
        assertThat(WhatIfReport.text(comparison(base, result("cheap", 0.65, 0, 640, true))))
                .contains("65.0% (+5.0 pts, better)").contains("640 cost units (-360 cost units, better)");
    }
}
