package org.regroup.rest.district;

import java.util.List;

import org.regroup.rest.days.SchoolDays;
import org.regroup.rest.health.Metrics;
import org.regroup.rest.plans.PlanService;
import org.regroup.store.Database;
import org.regroup.store.SchoolStore;

/**
 * A process's part in the cluster, as the server and {@code regroup morning} both take it: the district's mornings
 * scheduled and run on the job engine, on {@code plans}' cores, with their gauges.
 */
public final class ClusterNode implements AutoCloseable {

    private final DistrictMornings mornings;
    private final JobEngine engine;

    public ClusterNode(Database database, SchoolStore store, SchoolDays days, PlanService plans, Metrics metrics,
            Node node) {
        this.mornings = new DistrictMornings(store, days, plans, metrics, node.name(), node.maxWaitingJobs());
        this.engine = new JobEngine(database.dataSource(), JobEngine.Settings.of(node.name(),
                plans.settings().concurrent()), List.of(mornings.task()));
        mornings.scheduleOn(engine);
        metrics.gauge("regroup.solves.in.progress", "Solves running or waiting for a core on this node",
                plans::solving);
        metrics.gauge("regroup.jobs.running", "Jobs running on this node", engine::executing);
        metrics.gauge("regroup.jobs.waiting", "Jobs of the cluster waiting for a node",
                store.mornings()::jobsWaiting);
    }

    public DistrictMornings mornings() {
        return mornings;
    }

    public JobEngine engine() {
        return engine;
    }

    /** Takes jobs from now on. */
    public void start() {
        engine.start();
    }

    /** Stops taking jobs; those running here stop their solves and are left for other nodes (or a later start). */
    @Override
    public void close() {
        engine.close();
    }
}
