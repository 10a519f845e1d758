-- Solve checkpoints (issue 5). Portable SQL, as V1.

-- The best plan so far of a version still solving, written every few seconds by one writer thread: after a crash the
-- version is reported interrupted with this plan, and resuming starts from it. One row per version, overwritten.
CREATE TABLE plan_checkpoint (
    school_id   VARCHAR(64)              NOT NULL,
    school_day  DATE                     NOT NULL,
    version     INTEGER                  NOT NULL,
    job_id      VARCHAR(64)              NOT NULL,
    score       VARCHAR(64)              NOT NULL,
    feasible    BOOLEAN                  NOT NULL,
    kpis        TEXT                     NOT NULL,
    plan        TEXT                     NOT NULL,
    taken_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (school_id, school_day, version),
    FOREIGN KEY (school_id, school_day, version) REFERENCES plan (school_id, school_day, version)
);

-- How a version is made (a day from the store, or a change of another version, and the changes its solve took while
-- running), so that an interrupted solve can be rebuilt the same way and resumed. A JSON document; null before V3.
ALTER TABLE plan ADD COLUMN recipe TEXT;
