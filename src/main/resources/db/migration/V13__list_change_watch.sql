-- What acting on a list change did: the job that assesses the touched subjects again (none when no subject was
-- touched), how many stored parties were compared, how many subjects were touched, how long finding them took.
ALTER TABLE list_change_set ADD COLUMN watch_job_id UUID;
ALTER TABLE list_change_set ADD COLUMN watch_parties BIGINT;
ALTER TABLE list_change_set ADD COLUMN watch_subjects INTEGER;
ALTER TABLE list_change_set ADD COLUMN watch_millis BIGINT;
ALTER TABLE list_change_set ADD COLUMN watched_at TIMESTAMP WITH TIME ZONE;
