-- Asynchronous batch jobs. The input is kept in the database (not on one instance's disk) so that any instance
-- pointed at the same database can take a chunk, and a restarted instance can resume where the job stopped.
CREATE TABLE batch_job (
    id           UUID PRIMARY KEY,
    seq          BIGINT GENERATED ALWAYS AS IDENTITY,
    -- RECEIVING (upload under way), QUEUED, RUNNING, DONE, FAILED (the upload broke), CANCELLED
    state        VARCHAR(16)  NOT NULL,
    format       VARCHAR(8)   NOT NULL,
    rows_read    BIGINT       NOT NULL DEFAULT 0,
    chunk_count  INTEGER      NOT NULL DEFAULT 0,
    failure      VARCHAR(2000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- refreshed while the upload runs, so that an upload abandoned by a dead instance can be recognised
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX batch_job_state_idx ON batch_job (state, seq);

-- A chunk is claimed by locking its row (SELECT ... FOR UPDATE SKIP LOCKED) for the transaction that assesses it
-- and writes its results; a crash rolls that transaction back, so the chunk is PENDING again and no row of it is
-- stored twice.
CREATE TABLE batch_chunk (
    job_id        UUID        NOT NULL REFERENCES batch_job (id) ON DELETE CASCADE,
    chunk_no      INTEGER     NOT NULL,
    job_seq       BIGINT      NOT NULL,
    first_line    BIGINT      NOT NULL,
    row_count     INTEGER     NOT NULL,
    -- the rows as received; emptied once the chunk is done
    input         TEXT,
    state         VARCHAR(8)  NOT NULL,
    assessed      INTEGER     NOT NULL DEFAULT 0,
    rejected      INTEGER     NOT NULL DEFAULT 0,
    n_clear       INTEGER     NOT NULL DEFAULT 0,
    n_info        INTEGER     NOT NULL DEFAULT 0,
    n_low         INTEGER     NOT NULL DEFAULT 0,
    n_medium      INTEGER     NOT NULL DEFAULT 0,
    n_high        INTEGER     NOT NULL DEFAULT 0,
    n_severe      INTEGER     NOT NULL DEFAULT 0,
    n_blocked     INTEGER     NOT NULL DEFAULT 0,
    worker        VARCHAR(200),
    done_at       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (job_id, chunk_no)
);
CREATE INDEX batch_chunk_pending_idx ON batch_chunk (state, job_seq, chunk_no);

-- One row per input row, assessed or rejected: the primary key is what makes "each row exactly once" hold even if
-- two instances were ever to work on the same chunk.
CREATE TABLE batch_result (
    job_id        UUID         NOT NULL REFERENCES batch_job (id) ON DELETE CASCADE,
    line          BIGINT       NOT NULL,
    ref           VARCHAR(200),
    status        VARCHAR(10)  NOT NULL,
    assessment_id UUID,
    risk_level    VARCHAR(16),
    fired_rules   VARCHAR,
    errors_json   VARCHAR,
    PRIMARY KEY (job_id, line)
);
