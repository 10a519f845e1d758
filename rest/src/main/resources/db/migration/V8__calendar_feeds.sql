-- Calendar subscription feeds (issue 16, item 5): an adult's or a student's published days as an iCalendar URL that
-- Google or Outlook polls. The URL's token is the only credential, so the store keeps only its SHA-256 hash (256
-- random bits: a slow hash adds nothing). person_kind says whether person_id is a staff id ('adult') or a student id
-- ('student') of the school; created_by is the account that made it (no foreign key: an erasure deletes student
-- accounts, and the district's accounts have no school). Revoked feeds stay listed with revoked_at; erasing a student
-- deletes their feeds. Portable SQL, as V1. (V7 is another change's: Flyway allows the gap.)
CREATE TABLE calendar_feed (
    id            VARCHAR(40)              NOT NULL PRIMARY KEY,
    school_id     VARCHAR(64)              NOT NULL REFERENCES school (id),
    person_id     VARCHAR(64)              NOT NULL,
    person_kind   VARCHAR(16)              NOT NULL,
    token_hash    VARCHAR(64)              NOT NULL UNIQUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(40),
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT calendar_feed_kind CHECK (person_kind IN ('adult', 'student'))
);
CREATE INDEX calendar_feed_by_person ON calendar_feed (school_id, person_kind, person_id);
