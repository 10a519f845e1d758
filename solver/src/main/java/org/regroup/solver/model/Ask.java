package org.regroup.solver.model;

import org.regroup.domain.RequestPriority;

/**
 * A request as the solver sees it: honoured when the student's session in the block (any block when absent) matches
 * every part given.
 */
public record Ask(String id, Learner learner, Period period, Adult adult, Focus focus, Mode mode,
        RequestPriority priority, String requestedBy) {

    public boolean isAdminRequired() {
        return priority == RequestPriority.ADMIN_REQUIRED;
    }

    /** Does the student's session in {@code at} satisfy this request? */
    public boolean honouredBy(Period at, Session session) {
        if (session == null || (period != null && period != at)) {
            return false;
        }
        return (adult == null || session.getAdult() == adult)
                && (mode == null || session.getMode() == mode)
                && (focus == null || session.focusOf(learner) == focus);
    }

    public String describe() {
        StringBuilder what = new StringBuilder();
        if (focus != null) {
            what.append(" to work on ").append(focus.getName());
        }
        if (mode != null) {
            what.append(" in ").append(mode.getName().toLowerCase());
        }
        if (adult != null) {
            what.append(" with ").append(adult.getId());
        }
        if (period != null) {
            what.append(" in block ").append(period.getId());
        }
        return "request " + id + " by " + requestedBy + " for " + learner.getId() + what;
    }
}
