package org.regroup.solver.model;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;

/**
 * What a session is to the days of its members: its modality and room, the focus a shared-focus group works on, and
 * whether it counts as staff-led or 1:1 time. The whole-day rules (same modality all day, same skill twice, staff-led
 * and 1:1 minimums, travel, requests) read a student's blocks through this outline instead of the session itself.
 *
 * <p>Why a separate shadow entity: Timefold re-scores everything joined to an entity whenever any of its variables
 * changes, and a session changes on every move (its members and summary). Joined to the session, each move re-scored
 * the whole day of every member of both groups it touched. The outline is a declarative shadow variable with value
 * equality, so it changes only when what the days see changes: its modality or room, the group's focus, or whether
 * it runs as planned; moving one student re-scores that student's day alone (docs/model.md, "Score calculation").
 */
@PlanningEntity
public class SessionOutline {

    /** How the session looks to a member's day (a slot without a modality yet: mode null, no focus). */
    public record Look(Mode mode, Room room, boolean sharedFocus, Focus focus, boolean staffLed, boolean oneToOne) {

        static Look of(Session session) {
            Mode mode = session.getMode();
            if (mode == null) {
                return new Look(null, session.getRoom(), false, null, false, false);
            }
            boolean shared = mode.isSharedFocus() && !session.isCatchAll();
            return new Look(mode, session.getRoom(), shared, session.getSummary().getFocus(),
                    session.givesStaffLedTime(), session.givesOneToOneTime());
        }

        /** The focus a member works on here (as {@link Session#focusOf}): the group's, or their own best option. */
        public Focus focusOf(Learner learner, Period period) {
            if (mode == null) {
                return null;
            }
            if (sharedFocus) {
                return focus;
            }
            Option best = learner.best(period);
            return best == null ? null : best.focus();
        }
    }

    @PlanningId
    private String id;
    /** A fact: the session this outlines never changes, so Timefold keeps a fixed edge from its variables. */
    private Session session;

    @ShadowVariable(supplierName = "outline")
    private Look look;

    public SessionOutline() {
    }

    SessionOutline(Session session, Look look) {
        this.id = session.getId();
        this.session = session;
        this.look = look;
    }

    static SessionOutline of(Session session) {
        return new SessionOutline(session, Look.of(session));
    }

    @ShadowSources({ "session.summary", "session.mode", "session.room" })
    public Look outline() {
        return Look.of(session);
    }

    public String getId() {
        return id;
    }

    public Session getSession() {
        return session;
    }

    public Look getLook() {
        return look;
    }

    @Override
    public String toString() {
        return "outline of " + id;
    }
}
