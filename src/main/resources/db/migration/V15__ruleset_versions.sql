-- Ruleset versions kept in the database: every ruleset an instance ran, with its files, so that the rules behind a
-- stored assessment can be read back however the deployment changed since. Written for H2 and PostgreSQL.

-- The contents, once each: consecutive versions share most of their files (the HS nomenclature alone is most of a
-- ruleset's size), so a file is stored under its SHA-256 and a version names it.
CREATE TABLE ruleset_blob (
    sha256     CHAR(64) PRIMARY KEY,
    -- bytes of the UTF-8 text
    size_bytes BIGINT NOT NULL,
    content    TEXT   NOT NULL
);

CREATE TABLE ruleset_version (
    -- RulesetFiles.version(): "sha256:" and the hex SHA-256 over every path and content
    version        VARCHAR(71)   PRIMARY KEY,
    -- where the files were read: classpath:rules or the directory of assessor.rules.dir
    origin         VARCHAR(2000) NOT NULL,
    registered_by  VARCHAR(200)  NOT NULL,
    registered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    comment        VARCHAR(2000),
    file_count     INTEGER       NOT NULL
);
CREATE INDEX ruleset_version_registered_idx ON ruleset_version (registered_at);

CREATE TABLE ruleset_file (
    version  VARCHAR(71)   NOT NULL REFERENCES ruleset_version (version) ON DELETE CASCADE,
    -- relative to the ruleset's root, '/'-separated, e.g. goods/goods.drl
    path     VARCHAR(1000) NOT NULL,
    sha256   CHAR(64)      NOT NULL REFERENCES ruleset_blob (sha256),
    PRIMARY KEY (version, path)
);

-- Taken (SELECT ... FOR UPDATE) by an instance registering a version: instances starting together with the same
-- ruleset register it once, and neither fails on the other's rows.
CREATE TABLE ruleset_lock (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);
INSERT INTO ruleset_lock (id) VALUES (1);
