package org.regroup.benchmarks.engines;

import java.time.Duration;

import javax.sql.DataSource;

/**
 * A durable job engine under test (see {@link EngineProbe}): it makes nodes that share nothing but one PostgreSQL
 * schema. Every job a node runs is {@link Work#run(String, String)}, with the job's id.
 */
interface Engine {

    /** Its name on the command line and in the report. */
    String name();

    /** How often an idle node looks for new jobs (the probe schedules its pickup jobs at random points of it). */
    Duration pollInterval();

    /**
     * The longest of the housekeeping cycles that decide how soon a dead node's job runs again (the probe kills
     * node A at a random point of it).
     */
    Duration housekeepingCycle();

    /** The settings it runs with, for the report. */
    String settings();

    /** Makes the engine's tables in a fresh schema ({@code database} connects to that schema). */
    void createTables(DataSource database, String schema) throws Exception;

    /** What the engine's own tables say happened to a job (its states, if it keeps them), for the report. */
    default String trail(DataSource database, String schema, String jobId) throws Exception {
        return "";
    }

    /** A node, made but not started: its own connection pool on the schema, {@code threads} jobs at a time. */
    Node node(String schema, String name, int threads);

    /** One server process's part of the cluster. */
    interface Node extends AutoCloseable {

        void start();

        /** Schedules a job to run now (on any node of the cluster); returns once the engine has stored it. */
        void schedule(String jobId);

        /** Stops taking jobs and closes its connections. */
        @Override
        void close();
    }
}
