-- One home for every plan (issue 13). Portable SQL, as V1.

-- The day problem a version solves (documented format), kept with it: a version's analysis, alternatives, rosters and
-- overrides are read against the day as it was planned, not as the store makes it later (mastery moves every evening).
-- Null for versions stored before V4 (they are read against the day as the store makes it now).
ALTER TABLE plan ADD COLUMN problem TEXT;

-- Days planned without a school (POST /api/plans): the day and its plan, by the plan's id, so that an address the
-- server handed out outlives the process. Kept for a number of days (docs/api.md, retention), then deleted.
CREATE TABLE scratch_plan (
    id          VARCHAR(64)              NOT NULL PRIMARY KEY,
    status      VARCHAR(16)              NOT NULL,
    score       VARCHAR(64),
    problem     TEXT                     NOT NULL,
    plan        TEXT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT scratch_plan_status CHECK (status IN ('draft', 'solving', 'interrupted'))
);
CREATE INDEX plan_by_job ON plan (job_id);
