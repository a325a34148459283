-- The audit trail (docs/audit.md): one row per event, never updated or deleted by the service. Each event's hash
-- covers its content and the previous event's hash, so that a row changed or removed afterwards breaks the chain
-- where it happened. seq is given by the application, not by an identity column: it must be the previous event's
-- seq plus one, in commit order, which only the lock on audit_head can guarantee (an identity column hands out
-- numbers in the order transactions start, and loses those of rolled-back transactions).
CREATE TABLE audit_event (
    seq         BIGINT                   PRIMARY KEY,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(200)             NOT NULL,
    action      VARCHAR(80)              NOT NULL,
    target_type VARCHAR(80)              NOT NULL,
    target_id   VARCHAR(500)             NOT NULL,
    -- canonical JSON (sorted keys, no white space); NULL: no state before, or none after. VARCHAR without a length
    -- is unbounded in both H2 and PostgreSQL.
    before_json VARCHAR,
    after_json  VARCHAR,
    prev_hash   CHAR(64)                 NOT NULL,
    hash        CHAR(64)                 NOT NULL
);
CREATE INDEX audit_event_recorded_at ON audit_event (recorded_at);

-- The one row every append locks (SELECT ... FOR UPDATE) until its transaction ends, so that appends from several
-- threads and instances take turns and form one chain; it also tells verification where the chain ends.
CREATE TABLE audit_head (
    id        INTEGER  PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
