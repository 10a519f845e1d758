package org.regroup.benchmarks.bound;

import org.regroup.solver.constraints.Rules;

/**
 * The soft rules as the bound sees them: each is charged per student-block, per student-day, as a share of a
 * group's or adult's cost, or relaxed to 0 (a rule the bound cannot price soundly without knowing the groups).
 */
public enum Term {
    GOAL(Rules.GOAL_MISSED, How.PLACEMENT),
    URGENCY(Rules.LESS_URGENT, How.PLACEMENT),
    STATE(Rules.STATE_MISFIT, How.PLACEMENT),
    AVOIDED(Rules.MODALITY_AVOIDED, How.PLACEMENT),
    NOT_PREFERRED(Rules.MODALITY_NOT_PREFERRED, How.PLACEMENT),
    SAME_MODALITY(Rules.SAME_MODALITY_ALL_DAY, How.STUDENT_DAY),
    SAME_SKILL(Rules.SAME_SKILL_TWICE, How.STUDENT_DAY),
    MIXED_MASTERY(Rules.MIXED_MASTERY, How.RELAXED),
    ADVISOR(Rules.ADVISOR_NOT_SEEN, How.STUDENT_DAY),
    PEERS(Rules.PEERS_APART, How.CERTAIN),
    REQUEST(Rules.REQUEST_IGNORED, How.STUDENT_DAY),
    INTEREST(Rules.INTEREST_MISSED, How.PLACEMENT),
    BEHIND(Rules.BEHIND_UNSUPERVISED, How.PLACEMENT),
    ALONE(Rules.PRACTISING_ALONE, How.PLACEMENT),
    LOAD(Rules.STAFF_LOAD, How.SHARE),
    ROOM_CHANGE(Rules.STAFF_ROOM_CHANGE, How.RELAXED),
    CATCH_ALL(Rules.CATCH_ALL_USED, How.PLACEMENT),
    OPEN(Rules.OPEN_SESSION, How.SHARE),
    MOVED(Rules.MOVED_FROM_PREVIOUS, How.PLACEMENT),
    THREE_DAYS(Rules.THREE_DAYS_RUNNING, How.PLACEMENT);

    /** How a rule enters the bound. */
    public enum How {
        /** Exactly what the rule charges the student-block for the option chosen (sessions' groups aside). */
        PLACEMENT,
        /** Charged on the student's whole day, chosen block by block with the rest (a small exact search). */
        STUDENT_DAY,
        /** Each seat pays the session's cost divided by the most students the session could hold. */
        SHARE,
        /** Charged exactly on the sessions opened, with the seat prices of {@link CapacityPrices} (level 3). */
        SESSION,
        /** Charged only when no plan can avoid it (the student and their peers never share a candidate session). */
        CERTAIN,
        /** Relaxed to 0: depends on who else is in the group or on the adult's whole day. */
        RELAXED
    }

    private final String rule;
    private final How how;

    Term(String rule, How how) {
        this.rule = rule;
        this.how = how;
    }

    public String rule() {
        return rule;
    }

    public How how() {
        return how;
    }

    static final int COUNT = values().length;
}
