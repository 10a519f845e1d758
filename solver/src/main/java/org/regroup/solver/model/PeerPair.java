package org.regroup.solver.model;

/** A student and someone they work well with (one direction; the other direction is its own pair). */
public record PeerPair(Learner learner, Learner peer) {
}
