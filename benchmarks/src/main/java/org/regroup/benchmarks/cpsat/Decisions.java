package org.regroup.benchmarks.cpsat;

import java.time.Duration;

/**
 * One solution as CP-SAT found it, copied out of the callback as plain arrays (turned into a plan after the solve).
 *
 * @param seat      per placement, the index of its session among its candidates, or -1 when unplaced
 * @param mode      per session, the index of its modality among the allowed ones
 * @param room      per session, the index of its room among the allowed ones, or -1 when it is not held
 * @param hard      hard penalty points in the model
 * @param medium    medium penalty points in the model
 * @param soft      soft penalty points in the model
 * @param elapsed   since the peer started
 */
record Decisions(int[] seat, int[] mode, int[] room, long hard, long medium, long soft, Duration elapsed) {

    /** The model's score in Timefold's notation, e.g. {@code 0hard/0medium/-5860soft}. */
    String score() {
        return -hard + "hard/" + -medium + "medium/" + -soft + "soft";
    }
}
