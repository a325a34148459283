-- Which stored ruleset version decides, for every instance sharing the database, and the four-eyes steps that put
-- one in force while the service runs. Written for H2 and PostgreSQL.

-- An admin proposes a stored version; another admin approves (it is then in force) or refuses it.
CREATE TABLE ruleset_activation (
    id          UUID          PRIMARY KEY,
    version     VARCHAR(71)   NOT NULL REFERENCES ruleset_version (version),
    -- PROPOSED, IN_FORCE (approved, the one in force), SUPERSEDED (was in force), REFUSED
    status      VARCHAR(20)   NOT NULL,
    proposed_by VARCHAR(200)  NOT NULL,
    proposed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    comment     VARCHAR(2000) NOT NULL,
    decided_by  VARCHAR(200),
    decided_at  TIMESTAMP WITH TIME ZONE,
    note        VARCHAR(2000)
);
CREATE INDEX ruleset_activation_proposed_idx ON ruleset_activation (proposed_at);

-- The version in force: one row, written under its own row lock. Every instance polls it and loads the version it
-- names; an activation by approval names itself, a start with a ruleset never seen before does not.
CREATE TABLE ruleset_in_force (
    id            INTEGER     PRIMARY KEY CHECK (id = 1),
    version       VARCHAR(71) NOT NULL REFERENCES ruleset_version (version),
    activation_id UUID        REFERENCES ruleset_activation (id),
    since         TIMESTAMP WITH TIME ZONE NOT NULL
);
