-- Students own part of their path (issue 20): goals set with their advisor, and requests for a session on a day.
-- Portable SQL, as V1.

-- The goals a student set (with their advisor), overriding the standing data's goals from when they are set: the
-- goals as a JSON list of {skill | strand, priority}, who set them (account id and role, never a name) and when. One
-- row per student; setting them again replaces it.
CREATE TABLE student_goals (
    school_id      VARCHAR(64)              NOT NULL REFERENCES school (id),
    student_id     VARCHAR(64)              NOT NULL,
    goals          TEXT                     NOT NULL,
    set_by_account VARCHAR(40),
    set_by_role    VARCHAR(32)              NOT NULL,
    set_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (school_id, student_id)
);

-- A request for a session on one school day, made by the student, their guardian, a teacher or an admin: merged into
-- that day's requests when it is planned. priority is the rung of the request ladder the asker's role gives
-- (student, teacher, admin-required); requested_by is what the plan says asked ("student", "family", a staff id,
-- "admin"). Withdrawing one deletes its row.
CREATE TABLE day_request (
    id             VARCHAR(40)              NOT NULL PRIMARY KEY,
    school_id      VARCHAR(64)              NOT NULL REFERENCES school (id),
    school_day     DATE                     NOT NULL,
    student_id     VARCHAR(64)              NOT NULL,
    block_id       VARCHAR(64),
    focus          VARCHAR(128),
    modality       VARCHAR(64),
    staff_id       VARCHAR(64),
    priority       VARCHAR(32)              NOT NULL,
    requested_by   VARCHAR(64)              NOT NULL,
    note           VARCHAR(500),
    account_id     VARCHAR(40),
    role           VARCHAR(32)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX day_request_by_day ON day_request (school_id, school_day);
CREATE INDEX day_request_by_student ON day_request (school_id, student_id);
