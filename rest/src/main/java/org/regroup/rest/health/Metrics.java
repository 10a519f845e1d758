package org.regroup.rest.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The node's metrics for operators, in Prometheus' text format at {@code GET /metrics} (Micrometer): solves running
 * and waiting, jobs running here and waiting in the cluster, time to the first feasible plan, job failures, how each
 * school's morning ended, and the store's latency. Counts and times only: no ids, no names.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer timeToFeasible = Timer.builder("regroup.solve.time.to.feasible")
            .description("From a solve's start to its first feasible plan").publishPercentileHistogram()
            .register(registry);
    private final Timer storeLatency = Timer.builder("regroup.store.transaction")
            .description("The store's transactions, each from taking a connection to its commit")
            .publishPercentileHistogram().register(registry);

    /** A gauge read when scraped; a reading that fails (the database is down) is reported as NaN. */
    public void gauge(String name, String description, Supplier<Number> reading) {
        Gauge.builder(name, () -> {
            try {
                return reading.get();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description(description).register(registry);
    }

    public void timeToFeasible(Duration d) {
        timeToFeasible.record(d);
    }

    public void storeTransaction(long nanos) {
        storeLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A job or a solve failed ({@code kind}: the task's or "solve"). */
    public void jobFailed(String kind) {
        Counter.builder("regroup.job.failures").description("Jobs and solves that failed (a job is run again)")
                .tag("kind", kind).register(registry).increment();
    }

    /** A school's part of a morning ended ({@code status}: published, drafted, carried-forward, failed). */
    public void morningSchoolEnded(String status) {
        Counter.builder("regroup.morning.schools").description("Schools whose morning ended, by how")
                .tag("status", status).register(registry).increment();
    }

    /** The text a Prometheus server scrapes. */
    public String scrape() {
        return registry.scrape();
    }
}
