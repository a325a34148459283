-- Imported sanctions lists. Each import of a source is a version; re-importing identical content
-- (same SHA-256) creates none. Entries keep what the matcher and a reviewer need, and the fields of the
-- original record that were read.
CREATE TABLE list_version (
    id             UUID PRIMARY KEY,
    source         VARCHAR(40)  NOT NULL,
    content_hash   VARCHAR(80)  NOT NULL,
    published_at   TIMESTAMP WITH TIME ZONE,
    entry_count    INTEGER      NOT NULL,
    skipped_rows   INTEGER      NOT NULL,
    imported_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the version in force for its source: at most one per source
    in_force       BOOLEAN      NOT NULL,
    CONSTRAINT list_version_hash_uq UNIQUE (source, content_hash)
);
CREATE INDEX list_version_source_idx ON list_version (source, in_force);

CREATE TABLE list_entry (
    id                       UUID PRIMARY KEY,
    version_id               UUID          NOT NULL REFERENCES list_version (id) ON DELETE CASCADE,
    entry_id                 VARCHAR(200)  NOT NULL,
    list_name                VARCHAR(300),
    entity_type              VARCHAR(16)   NOT NULL,
    primary_name             VARCHAR(2000) NOT NULL,
    aliases_json             VARCHAR       NOT NULL,
    programs_json            VARCHAR       NOT NULL,
    countries_json           VARCHAR       NOT NULL,
    identifiers_json         VARCHAR       NOT NULL,
    remarks_json             VARCHAR       NOT NULL,
    datasets_json            VARCHAR       NOT NULL,
    secondary_sanctions_risk BOOLEAN       NOT NULL,
    original_json            VARCHAR       NOT NULL,
    CONSTRAINT list_entry_uq UNIQUE (version_id, entry_id)
);
