package org.regroup.benchmarks.term;

import java.util.List;

/**
 * A figure over seeds: the mean and its 95 % confidence interval (Student's t with n − 1 degrees of freedom; with one
 * seed the interval is the single value). The interval covers the seeds' randomness (who learns fast, who is absent,
 * the search's path), not the model's assumptions: those are changed with --learning.
 */
record Interval(double mean, double low, double high, int n) {

    /** Two-sided 97.5 % quantiles of Student's t for 1 to 30 degrees of freedom. */
    private static final double[] T = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201,
        2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052,
        2.048, 2.045, 2.042};

    static Interval of(List<Double> values) {
        int n = values.size();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (n < 2) {
            return new Interval(mean, mean, mean, n);
        }
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double half = t(n - 1) * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        return new Interval(mean, mean - half, mean + half, n);
    }

    static double t(int degrees) {
        return degrees <= T.length ? T[degrees - 1] : 1.96;
    }

    /** The interval cut to the values the figure can take. */
    Interval within(double min, double max) {
        return new Interval(mean, Math.max(min, low), Math.min(max, high), n);
    }

    /** Whether this interval lies wholly above the other's (never with a single seed: there is no interval). */
    boolean above(Interval other) {
        return n > 1 && other.n > 1 && low > other.high;
    }
}
