package org.regroup.solver.constraints;

import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/** One placed block of a student's day, as the whole-day rules see it (values read when the block last changed). */
public record DayEntry(Period period, Session session, Mode mode, Room room, Focus focus, boolean staffLed) {

    public static DayEntry of(Period period, Session session, Focus focus) {
        return new DayEntry(period, session, session.getMode(), session.getRoom(), focus, session.isStaffLed());
    }
}
