package org.regroup.solver.model;

/** How a student stands with the focus of the session they are in. */
public enum Fit {
    /** Ready for it and within grade reach. */
    READY,
    /** Ready, but more than a grade above theirs without a goal asking for it. */
    TOO_ADVANCED,
    /** Not in their ready set (prerequisites missing, already mastered, or not theirs at all). */
    NOT_READY
}
