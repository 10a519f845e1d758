package org.regroup.benchmarks.engines;

/**
 * The service JobRunr calls for a probe job ({@code jobScheduler.<JobRunrWork>enqueue(w -> w.run(id))}): each
 * node's JobActivator gives its own, so that the job knows which node runs it.
 */
public final class JobRunrWork {

    private final String node;

    public JobRunrWork(String node) {
        this.node = node;
    }

    public void run(String jobId) throws InterruptedException {
        Work.run(node, jobId);
    }
}
