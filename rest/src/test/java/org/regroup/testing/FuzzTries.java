package org.regroup.testing;

import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The fuzz properties' tries: as the annotation says, times {@code -Dregroup.fuzz.scale} (default 1) for longer runs,
 * with {@code -Dregroup.fuzz.seed} replacing the fixed seed. A property that ran fewer checks than asked fails: one
 * that silently tried little (exhausted generators, discarded samples) would pass while testing nothing. Each prints
 * what it ran and how long it took, and the total so far. (The domain module's tests have the same hook: test classes
 * are not shared between modules.)
 */
public final class FuzzTries implements AroundPropertyHook {

    static final double SCALE = Double.parseDouble(System.getProperty("regroup.fuzz.scale", "1"));
    static final String SEED = System.getProperty("regroup.fuzz.seed");
    private static final AtomicLong TOTAL = new AtomicLong();

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        int asked = (int) Math.max(1, Math.round(context.attributes().tries().orElse(1000) * SCALE));
        context.attributes().setTries(asked);
        if (SEED != null) {
            context.attributes().setSeed(SEED);
        }
        long start = System.nanoTime();
        PropertyExecutionResult result = property.execute();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long total = TOTAL.addAndGet(result.countChecks());
        System.out.printf("fuzz: %s: %d checks of %d asked in %d ms, seed %s (%d checks in this JVM so far)%n",
                context.extendedLabel(), result.countChecks(), asked, millis, result.seed().orElse("?"), total);
        if (result.status() == PropertyExecutionResult.Status.SUCCESSFUL && result.countChecks() < asked) {
            return result.mapToFailed(context.extendedLabel() + " ran " + result.countChecks() + " checks of the "
                    + asked + " asked");
        }
        return result;
    }

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS; // registered on a class, for its properties (jqwik's default: none)
    }

    @Override
    public int aroundPropertyProximity() {
        return -100; // outermost: the tries are set before anything else reads them
    }
}
