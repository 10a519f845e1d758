-- The school store (issue 5). Portable SQL: the same migration runs on embedded H2 and on PostgreSQL.

-- A school and its standing data: students (with goals, accommodations…), staff, spaces, bell schedule, skill graph,
-- modality catalog and weights, kept as a day-problem document (docs/format.md) without the day. Mastery lives in
-- its own table: it changes with every piece of evidence.
CREATE TABLE school (
    id          VARCHAR(64)              NOT NULL PRIMARY KEY,
    name        VARCHAR(200),
    standing    TEXT                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Each student's current mastery of each skill (Bayesian Knowledge Tracing estimate).
CREATE TABLE mastery (
    school_id     VARCHAR(64)              NOT NULL REFERENCES school (id),
    student_id    VARCHAR(64)              NOT NULL,
    skill_id      VARCHAR(128)             NOT NULL,
    p_mastery     DOUBLE PRECISION         NOT NULL,
    observations  INTEGER                  NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (school_id, student_id, skill_id)
);

-- The evidence log: every assessment result once (the event id makes re-sent events harmless), with the mastery
-- before and after it, which is also each skill's mastery history.
CREATE TABLE evidence (
    school_id    VARCHAR(64)              NOT NULL REFERENCES school (id),
    event_id     VARCHAR(128)             NOT NULL,
    student_id   VARCHAR(64)              NOT NULL,
    skill_id     VARCHAR(128)             NOT NULL,
    correct      BOOLEAN,
    score        DOUBLE PRECISION,
    items        INTEGER                  NOT NULL,
    observed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    source       VARCHAR(128),
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    p_before     DOUBLE PRECISION         NOT NULL,
    p_after      DOUBLE PRECISION         NOT NULL,
    PRIMARY KEY (school_id, event_id)
);
CREATE INDEX evidence_by_student ON evidence (school_id, student_id, skill_id, observed_at);

-- What is different about one day: attendance, staff absences, closed spaces (a JSON document).
CREATE TABLE day_input (
    school_id   VARCHAR(64)              NOT NULL REFERENCES school (id),
    school_day  DATE                     NOT NULL,
    input       TEXT                     NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (school_id, school_day)
);

-- Plans by date, every version kept (history); status draft, published, solving or interrupted.
CREATE TABLE plan (
    school_id   VARCHAR(64)              NOT NULL REFERENCES school (id),
    school_day  DATE                     NOT NULL,
    version     INTEGER                  NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    score       VARCHAR(64),
    plan        TEXT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (school_id, school_day, version),
    CONSTRAINT plan_status CHECK (status IN ('draft', 'published', 'solving', 'interrupted'))
);
