-- What changed between two versions of a list. Written for H2 and PostgreSQL.

-- The canonical content hash of each entry (lists/EntryContent): equal for two entries exactly when they say the same
-- thing, cosmetic differences (order, whitespace) aside, so that comparing two versions reads only ids and hashes.
-- NULL for the entries of versions stored before it was added; it is then computed from the other columns.
ALTER TABLE list_entry ADD COLUMN content_hash VARCHAR(64);

-- One row per transition between two versions of a source: a version put in force in place of another (new content,
-- earlier content put back, a held version confirmed), or stored held (what confirming it would change).
CREATE TABLE list_change_set (
    id              UUID        PRIMARY KEY,
    source          VARCHAR(40) NOT NULL,
    -- the version in force that to_version replaces (or would replace, while held)
    from_version_id UUID        NOT NULL REFERENCES list_version (id) ON DELETE CASCADE,
    to_version_id   UUID        NOT NULL REFERENCES list_version (id) ON DELETE CASCADE,
    computed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    added           INTEGER     NOT NULL,
    removed         INTEGER     NOT NULL,
    changed         INTEGER     NOT NULL,
    -- when the transition took effect; NULL while to_version is held (and for good if it never is confirmed)
    in_force_at     TIMESTAMP WITH TIME ZONE,
    -- PENDING when the set took effect with at least one change, for the monitoring to claim; NULL otherwise
    watch_state     VARCHAR(16)
);
CREATE INDEX list_change_set_to_idx ON list_change_set (to_version_id, computed_at);
CREATE INDEX list_change_set_watch_idx ON list_change_set (watch_state);

-- The changes of a set: ADDED, REMOVED or CHANGED entries, by the entry's id in its source.
CREATE TABLE list_change (
    change_set_id UUID          NOT NULL REFERENCES list_change_set (id) ON DELETE CASCADE,
    position      INTEGER       NOT NULL,
    kind          VARCHAR(8)    NOT NULL,
    entry_id      VARCHAR(200)  NOT NULL,
    list_name     VARCHAR(300),
    -- the name after the change (before it, for REMOVED)
    name          VARCHAR(2000) NOT NULL,
    -- the name before the change, for CHANGED entries whose name changed; NULL otherwise
    previous_name VARCHAR(2000),
    -- CHANGED: the names of the fields that changed (JSON array) and their values before and after (JSON objects)
    fields_json   VARCHAR,
    before_json   VARCHAR,
    after_json    VARCHAR,
    PRIMARY KEY (change_set_id, position)
);
CREATE INDEX list_change_kind_idx ON list_change (change_set_id, kind, position);
