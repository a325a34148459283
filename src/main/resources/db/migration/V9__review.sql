-- Review: every list match of an assessment with what a reviewer decided on it, the review items of the queue,
-- the decisions (each kept: a later decision supersedes an earlier one, it does not overwrite it), comments, and the
-- remembered false-positive dismissals. Written for both H2 and PostgreSQL.

-- The list matches of the subject's parties as the assessment saw them (JSON array): an id within the assessment,
-- the party, the entry and a hash of its content, the score, and the dismissal that kept it from the rules, if any.
-- NULL for assessments stored before matches were recorded apart from the fired rules' evidence.
ALTER TABLE assessment ADD COLUMN matches_json VARCHAR;
-- Who submitted the assessment (the user or machine client); NULL before it was recorded.
ALTER TABLE assessment ADD COLUMN submitted_by VARCHAR(200);

CREATE TABLE review_item (
    id            UUID PRIMARY KEY,
    seq           BIGINT GENERATED ALWAYS AS IDENTITY,
    assessment_id UUID         NOT NULL REFERENCES assessment (id),
    ref           VARCHAR(200),
    subject_name  VARCHAR(500),
    risk_level    VARCHAR(16)  NOT NULL,
    -- why it is in the queue: LIST_MATCH, RISK_LEVEL or both, comma-separated
    reasons       VARCHAR(60)  NOT NULL,
    -- OPEN, ESCALATED, AWAITING_APPROVAL, CLOSED
    status        VARCHAR(20)  NOT NULL,
    -- the assessment decision in force once there is one: CLEARED, ESCALATED, BLOCKED
    outcome       VARCHAR(16),
    assignee      VARCHAR(200),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT review_item_assessment_uq UNIQUE (assessment_id)
);
CREATE UNIQUE INDEX review_item_seq_idx ON review_item (seq);
CREATE INDEX review_item_status_idx ON review_item (status, seq);
CREATE INDEX review_item_assignee_idx ON review_item (assignee, status);

CREATE TABLE review_decision (
    id             UUID PRIMARY KEY,
    seq            BIGINT GENERATED ALWAYS AS IDENTITY,
    item_id        UUID          NOT NULL REFERENCES review_item (id),
    -- the match decided on ("m1", ...), NULL for a decision on the whole assessment
    match_id       VARCHAR(16),
    -- TRUE_MATCH, FALSE_POSITIVE, NEEDS_INFO (a match); CLEARED, ESCALATED, BLOCKED (an assessment)
    decision       VARCHAR(16)   NOT NULL,
    reason         VARCHAR(4000) NOT NULL,
    decided_by     VARCHAR(200)  NOT NULL,
    decided_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- IN_FORCE, AWAITING_APPROVAL, REJECTED (by the second reviewer), SUPERSEDED (by a later decision)
    status         VARCHAR(20)   NOT NULL,
    -- why a second reviewer must approve it (NULL: no approval needed)
    approval_rule  VARCHAR(200),
    approved_by    VARCHAR(200),
    approved_at    TIMESTAMP WITH TIME ZONE,
    approval_note  VARCHAR(4000)
);
CREATE UNIQUE INDEX review_decision_seq_idx ON review_decision (seq);
CREATE INDEX review_decision_item_idx ON review_decision (item_id, seq);
CREATE INDEX review_decision_status_idx ON review_decision (status, seq);

CREATE TABLE review_comment (
    id         UUID PRIMARY KEY,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY,
    item_id    UUID          NOT NULL REFERENCES review_item (id),
    author     VARCHAR(200)  NOT NULL,
    written_at TIMESTAMP WITH TIME ZONE NOT NULL,
    text       VARCHAR(4000) NOT NULL
);
CREATE INDEX review_comment_item_idx ON review_comment (item_id, seq);

-- A FALSE_POSITIVE in force on a match, remembered for later assessments of the same party: by the party's
-- normalised name, the list entry and a hash of the entry's content. It applies only while the entry's content
-- hashes the same and until it expires; revoking it ends it early.
CREATE TABLE dismissal (
    id           UUID PRIMARY KEY,
    party_key    VARCHAR(500)  NOT NULL,
    party_name   VARCHAR(500)  NOT NULL,
    source       VARCHAR(40)   NOT NULL,
    entry_id     VARCHAR(200)  NOT NULL,
    entry_hash   CHAR(64)      NOT NULL,
    primary_name VARCHAR(1000),
    decision_id  UUID          NOT NULL REFERENCES review_decision (id),
    decided_by   VARCHAR(200)  NOT NULL,
    approved_by  VARCHAR(200),
    reason       VARCHAR(4000) NOT NULL,
    dismissed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    revoked_by   VARCHAR(200),
    revoke_reason VARCHAR(4000)
);
CREATE INDEX dismissal_key_idx ON dismissal (party_key, source, entry_id);
