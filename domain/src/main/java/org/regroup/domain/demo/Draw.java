package org.regroup.domain.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded draws. Shares of students ("4% absent") are drawn as exact counts, not coin flips, so a small school gets
 * the same mix as a large one and the tests' bounds hold for every seed. Public for the shape generator
 * ({@code org.regroup.domain.demo.shapes}); not an API beyond that.
 */
public final class Draw {

    private final SplittableRandom rnd;

    public Draw(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    private Draw(SplittableRandom rnd) {
        this.rnd = rnd;
    }

    /** An independent stream: later draws here do not shift the parent's. */
    public Draw split() {
        return new Draw(rnd.split());
    }

    public boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    public int between(int min, int maxInclusive) {
        return rnd.nextInt(min, maxInclusive + 1);
    }

    public double between(double min, double max) {
        return rnd.nextDouble(min, max);
    }

    public <T> T oneOf(List<T> items) {
        return items.get(rnd.nextInt(items.size()));
    }

    /** A shuffled copy (Fisher-Yates). */
    public <T> List<T> shuffled(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }

    /** {@code count} distinct items, in random order. */
    public <T> List<T> sample(List<T> items, int count) {
        return shuffled(items).subList(0, Math.min(count, items.size()));
    }

    public static int share(double fraction, int of) {
        return (int) Math.round(fraction * of);
    }
}
