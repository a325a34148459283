-- Monitoring: whom a list change touches, and the feed of verdicts that changed. Written for H2 and PostgreSQL.

-- Every named party of every stored assessment, as it was screened: the index that a new list version is compared
-- with, so that only the parties close to what changed are assessed again. Rows of an assessment that a later one
-- replaced (the same ref assessed again, or a re-assessment that supersedes it) are removed; until then the scan
-- skips them by asking whether their assessment is still the latest of its subject.
CREATE TABLE watched_party (
    assessment_id UUID         NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    position      INTEGER      NOT NULL,
    ref           VARCHAR(200),
    name          VARCHAR      NOT NULL,
    -- the entity type a list entry must have to match the party (ENTITY), NULL for any
    entity_type   VARCHAR(16),
    -- the countries the party is known in, ISO alpha-2, comma-separated; NULL when none
    countries     VARCHAR(200),
    PRIMARY KEY (assessment_id, position)
);
CREATE INDEX watched_party_ref_idx ON watched_party (ref);

-- The list entries each stored assessment matched (dismissed matches too): a removed or changed entry finds the
-- subjects that matched it without reading their assessments.
CREATE TABLE watched_match (
    assessment_id UUID         NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    source        VARCHAR(40)  NOT NULL,
    entry_id      VARCHAR(200) NOT NULL,
    PRIMARY KEY (assessment_id, source, entry_id)
);
CREATE INDEX watched_match_entry_idx ON watched_match (source, entry_id);

-- A re-assessment made because a list changed names the assessment it replaces; the older one is never changed.
ALTER TABLE assessment ADD COLUMN supersedes UUID;
CREATE INDEX assessment_supersedes_idx ON assessment (supersedes);

-- The changes feed: one row per verdict that changed. seq is given by the application under the lock of
-- change_feed_head, so that it follows commit order: a reader that has seen seq n never later finds a row below n
-- (an identity column numbers rows in the order transactions insert them, not the order they commit).
CREATE TABLE change_event (
    seq                    BIGINT       PRIMARY KEY,
    id                     UUID         NOT NULL,
    -- RISK_RAISED, RISK_LOWERED, LIST_FINDINGS_CHANGED
    type                   VARCHAR(40)  NOT NULL,
    assessment_id          UUID         NOT NULL,
    previous_assessment_id UUID         NOT NULL,
    ref                    VARCHAR(200),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the event as the feed and the webhooks serve it, written once
    payload_json           VARCHAR      NOT NULL,
    CONSTRAINT change_event_id_uq UNIQUE (id)
);
CREATE INDEX change_event_assessment_idx ON change_event (assessment_id);

CREATE TABLE change_feed_head (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq BIGINT  NOT NULL
);
INSERT INTO change_feed_head (id, last_seq) VALUES (1, 0);

-- A batch job made by the service rather than uploaded: RESCREEN (the subjects a list change touches, assessed
-- again); NULL for an upload. cause_json says what made it (the list changes), as the feed's events repeat it.
ALTER TABLE batch_job ADD COLUMN origin VARCHAR(16);
ALTER TABLE batch_job ADD COLUMN cause_json VARCHAR;

-- Taken (SELECT ... FOR UPDATE SKIP LOCKED) by the instance that acts on list changes, for as long as it finds the
-- subjects they touch and makes their job: one instance at a time, so a subject is never assessed twice over for
-- the same change.
CREATE TABLE monitoring_lock (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);
INSERT INTO monitoring_lock (id) VALUES (1);
