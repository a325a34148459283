-- Stored assessments and the rules that fired for them. Written for both H2 and PostgreSQL:
-- VARCHAR without a length is unbounded in both.
CREATE TABLE assessment (
    id              UUID PRIMARY KEY,
    -- insertion order, for "newest first" listings that stay stable within one batch
    seq             BIGINT GENERATED ALWAYS AS IDENTITY,
    ref             VARCHAR(200),
    subject_type    VARCHAR(16)  NOT NULL,
    subject_name    VARCHAR(500),
    subject_json    VARCHAR      NOT NULL,
    risk_level      VARCHAR(16)  NOT NULL,
    warnings_json   VARCHAR      NOT NULL,
    ruleset_version VARCHAR(80)  NOT NULL,
    assessed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX assessment_seq_idx ON assessment (seq);
CREATE INDEX assessment_ref_idx ON assessment (ref, seq);
CREATE INDEX assessment_risk_idx ON assessment (risk_level, seq);

CREATE TABLE fired_rule (
    id            UUID PRIMARY KEY,
    assessment_id UUID         NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    position      INTEGER      NOT NULL,
    rule_id       VARCHAR(80)  NOT NULL,
    title         VARCHAR(500) NOT NULL,
    severity      VARCHAR(16)  NOT NULL,
    legal_basis   VARCHAR(1000) NOT NULL,
    explanation   VARCHAR      NOT NULL,
    remediation   VARCHAR      NOT NULL,
    evidence_json VARCHAR      NOT NULL,
    CONSTRAINT fired_rule_position_uq UNIQUE (assessment_id, position)
);
CREATE INDEX fired_rule_rule_idx ON fired_rule (rule_id);
