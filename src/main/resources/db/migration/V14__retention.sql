-- Retention of finished batch jobs. Written for H2 and PostgreSQL.

-- When the cleanup removed the job's per-row results and any input left unassessed; NULL while they are kept. The
-- job row itself and its chunks' counters stay: list changes and the audit trail name the job, and its totals are
-- still worth answering.
ALTER TABLE batch_job ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX batch_job_finished_idx ON batch_job (finished_at);

-- Taken (SELECT ... FOR UPDATE SKIP LOCKED) by the instance that runs the cleanup, for each job it cleans: two
-- instances never clean the same job nor count it twice.
CREATE TABLE retention_lock (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);
INSERT INTO retention_lock (id) VALUES (1);
