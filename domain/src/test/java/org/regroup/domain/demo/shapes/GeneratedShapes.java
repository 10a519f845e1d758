package org.regroup.domain.demo.shapes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.regroup.domain.DayProblem;

/** Each named shape generated once per test run (seed 1), shared by the test classes to keep the suite fast. */
final class GeneratedShapes {

    static final long SEED = 1;
    private static final Map<String, DayProblem> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, SeatArithmetic.DaySeats> SEATS = new ConcurrentHashMap<>();

    private GeneratedShapes() {
    }

    static DayProblem day(String name) {
        return CACHE.computeIfAbsent(name, n -> Shapes.generate(n, SEED));
    }

    static SeatArithmetic.DaySeats seats(String name) {
        return SEATS.computeIfAbsent(name, n -> SeatArithmetic.of(day(n)));
    }
}
