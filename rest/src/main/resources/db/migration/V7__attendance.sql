-- Attendance taken on a published day (issue 16, item 5): one row per school, day, block and student, with the last
-- status recorded and who recorded it (an account id, never a name) and when. Recording a student-block again
-- replaces its row (no history). Portable SQL, as V1.
CREATE TABLE attendance (
    school_id   VARCHAR(64)              NOT NULL REFERENCES school (id),
    school_day  DATE                     NOT NULL,
    block_id    VARCHAR(64)              NOT NULL,
    student_id  VARCHAR(64)              NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    recorded_by VARCHAR(40),
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (school_id, school_day, block_id, student_id)
);
CREATE INDEX attendance_by_student ON attendance (school_id, student_id);
