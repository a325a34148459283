-- Who submitted a batch job: a machine client sees only its own jobs, and only its creator or an admin cancels one.
-- Jobs created before this migration have no creator and are visible to people only.
ALTER TABLE batch_job ADD COLUMN created_by VARCHAR(255);

-- Users the service created itself: the first administrator of an installation that has neither configured users
-- nor an OpenID Connect server. Only a bcrypt hash is kept; the primary key makes concurrent first starts on one
-- database create exactly one.
CREATE TABLE security_user (
    username      VARCHAR(255) PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    roles         VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Secrets every instance on the database shares (the key of the cross-site request tokens), generated once.
CREATE TABLE security_secret (
    name          VARCHAR(64) PRIMARY KEY,
    secret_value  VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
