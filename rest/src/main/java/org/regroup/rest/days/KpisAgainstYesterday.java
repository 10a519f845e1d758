package org.regroup.rest.days;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Perturbations;

/**
 * A plan's KPIs beside those of the school's yesterday — the plan published for the latest earlier day — with the
 * change in each (today minus yesterday). Every number of {@link Kpis} is compared, in its declared order, so a KPI
 * added there shows up here; group sizes by modality and the score are left to the two KPI records themselves.
 *
 * @param yesterday     which plan: {@code "2026-11-23 v1"}
 * @param perturbations for a day planned from the store: student-blocks placed differently from yesterday, those the
 *                      changes forced (readiness changed, absences) and the additional ones (UniTime's minimal
 *                      perturbation); null for a mid-day re-plan (its diff says who moves)
 */
public record KpisAgainstYesterday(String yesterday, List<Row> kpis, Perturbations perturbations) {

    /** One KPI: yesterday's value, today's, and the change (rounded to 4 decimals). */
    public record Row(String kpi, double yesterday, double today, double change) {
    }

    public static KpisAgainstYesterday of(String yesterday, Kpis before, Kpis now, Perturbations perturbations) {
        List<Row> rows = new ArrayList<>();
        for (RecordComponent c : Kpis.class.getRecordComponents()) {
            if (c.getType() == int.class || c.getType() == double.class) {
                double was = number(c, before);
                double is = number(c, now);
                rows.add(new Row(c.getName(), was, is, Math.round((is - was) * 10_000) / 10_000.0));
            }
        }
        return new KpisAgainstYesterday(yesterday, rows, perturbations);
    }

    private static double number(RecordComponent c, Kpis kpis) {
        try {
            return ((Number) c.getAccessor().invoke(kpis)).doubleValue();
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("KPI " + c.getName() + " unreadable", e);
        }
    }
}
