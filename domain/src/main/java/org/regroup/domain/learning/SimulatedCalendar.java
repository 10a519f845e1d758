package org.regroup.domain.learning;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** The school days a simulation walks through: Monday to Friday (no holidays: a simulated term has none). */
public final class SimulatedCalendar {

    private SimulatedCalendar() {
    }

    /** The first school day on or after {@code date} when {@code first}, else the school day after it. */
    public static LocalDate schoolDay(LocalDate date, boolean first) {
        LocalDate d = first ? date : date.plusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
