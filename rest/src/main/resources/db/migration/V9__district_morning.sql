-- A district's morning (issue 19). Portable SQL, as V1 (H2 and PostgreSQL).

-- db-scheduler's own table (its PostgreSQL schema, as the library documents it): the durable solve jobs. Any node of
-- the cluster picks a due row (SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL), marks it picked by its name and
-- heartbeats it while the job runs; a row whose heartbeat stops is a dead node's, and another node runs it again.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- One school's part of a district's morning: what the district asked (priority, deadline, time limit) and how it
-- ended (the version made, published or carried forward). Written by whichever node runs the school's job.
CREATE TABLE morning_school (
    morning_day   DATE                     NOT NULL,
    school_id     VARCHAR(64)              NOT NULL REFERENCES school (id),
    priority      INTEGER                  NOT NULL,
    deadline      TIMESTAMP WITH TIME ZONE NOT NULL,
    time_limit_ms BIGINT                   NOT NULL,
    auto_publish  BOOLEAN                  NOT NULL,
    status        VARCHAR(24)              NOT NULL,
    version       INTEGER,
    score         VARCHAR(64),
    note          VARCHAR(512),
    node          VARCHAR(128),
    attempts      INTEGER                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (morning_day, school_id),
    CONSTRAINT morning_status CHECK (status IN ('waiting', 'solving', 'published', 'drafted', 'carried-forward',
        'failed'))
);

-- Every run of a school's job: which node, from when to when (an open end: the node died, or it still runs). Who ran
-- what, and the check that no job ran on two nodes at once.
CREATE TABLE morning_attempt (
    morning_day DATE                     NOT NULL,
    school_id   VARCHAR(64)              NOT NULL,
    attempt     INTEGER                  NOT NULL,
    node        VARCHAR(128)             NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    outcome     VARCHAR(64),
    PRIMARY KEY (morning_day, school_id, attempt),
    FOREIGN KEY (morning_day, school_id) REFERENCES morning_school (morning_day, school_id)
);

-- The node solving a version: after a restart a node marks only its own solves interrupted, not its peers'.
ALTER TABLE plan ADD COLUMN solved_by VARCHAR(128);
