-- One row per list source. Every import of a source (upload, download, start-up directory) locks its row with
-- SELECT ... FOR UPDATE for the transaction that stores the version, so imports of one source take turns even
-- when several instances share the database, and the "same content, no new version" check sees the other's
-- version. A source added later gets its row from the application on its first import.
CREATE TABLE list_source (
    source VARCHAR(40) PRIMARY KEY
);
INSERT INTO list_source (source) VALUES ('OFAC-SDN');
INSERT INTO list_source (source) VALUES ('US-CSL');
INSERT INTO list_source (source) VALUES ('UN');
INSERT INTO list_source (source) VALUES ('OPENSANCTIONS');

-- The ETag and Last-Modified of each downloaded file that made a version, sent back as If-None-Match and
-- If-Modified-Since. They are only used while version_id is the version in force: a 304 says "the file you had",
-- which is worth nothing once an upload has put other content in force.
CREATE TABLE list_download_validator (
    source        VARCHAR(40)   NOT NULL REFERENCES list_source (source),
    part          VARCHAR(16)   NOT NULL,
    version_id    UUID          NOT NULL REFERENCES list_version (id) ON DELETE CASCADE,
    -- as shown in logs (no credentials, no query string), for people
    url           VARCHAR(2000) NOT NULL,
    -- SHA-256 of the full configured URL: another URL (a key or query changed) must not get the old validators,
    -- and the URL's secrets are not stored
    url_hash      VARCHAR(64)   NOT NULL,
    etag          VARCHAR(1000),
    last_modified VARCHAR(100),
    PRIMARY KEY (source, part)
);
