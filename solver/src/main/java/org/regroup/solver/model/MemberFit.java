package org.regroup.solver.model;

/**
 * A student in a session: the focus they work on there, their option for it (null when it is not one of theirs) and
 * how they fit it.
 */
public record MemberFit(Learner learner, Focus focus, Option option, Fit fit) {
}
