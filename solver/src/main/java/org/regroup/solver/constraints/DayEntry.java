package org.regroup.solver.constraints;

import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;
import org.regroup.solver.model.SessionOutline;

/**
 * One placed student-block as the whole-day rules see it. The rules read it through a join on the session's
 * {@link SessionOutline}, so the entry is rebuilt whenever the student moves or the session's modality, room, group
 * focus or staff-led / 1:1 standing changes — and not when other members come and go.
 */
public record DayEntry(Learner learner, Period period, Session session, Mode mode, Room room, Focus focus,
        boolean staffLed, boolean oneToOne) {

    /** {@code staffLed} and {@code oneToOne}: time the accommodations count ({@link Session#runsAsPlanned()}). */
    public static DayEntry of(Learner learner, Period period, Session session) {
        return new DayEntry(learner, period, session, session.getMode(), session.getRoom(), session.focusOf(learner),
                session.givesStaffLedTime(), session.givesOneToOneTime());
    }

    /** The same entry read through the session's outline (what the constraint streams join on). */
    public static DayEntry of(Learner learner, Period period, SessionOutline outline) {
        SessionOutline.Look look = outline.getLook();
        return new DayEntry(learner, period, outline.getSession(), look.mode(), look.room(),
                look.focusOf(learner, period), look.staffLed(), look.oneToOne());
    }

    /** Off site, with travel time to get there. */
    public boolean isTravelSite() {
        return room != null && room.isTravelSite();
    }

    /**
     * Is the block at {@code neighbourIndex} (right before or after this off-site one) taken by travel? It is when the travel
     * time does not fit in the gap between the two blocks.
     */
    public boolean travelTakes(int neighbourIndex) {
        if (!isTravelSite()) {
            return false;
        }
        int at = period.getIndex();
        if (neighbourIndex == at - 1) {
            return room.getTravelMinutes() > period.getGapBeforeMinutes();
        }
        return neighbourIndex == at + 1 && room.getTravelMinutes() > period.getGapAfterMinutes();
    }

    /** The student is somewhere else than this site during a block travel takes. */
    public boolean travelConflictsWith(DayEntry neighbour) {
        return neighbour.learner == learner && travelTakes(neighbour.period.getIndex()) && neighbour.room != room;
    }

    public boolean isSkillBlock() {
        return period.getKind() == org.regroup.domain.BlockKind.SKILLS;
    }
}
