-- The list versions each assessment was matched against: [{source, versionId, contentHash}].
ALTER TABLE assessment ADD COLUMN list_versions_json VARCHAR DEFAULT '[]' NOT NULL;

-- The Consolidated Screening List repeats an _id once per list it names (VTB: SDN, SSI, CAP), so an entry id
-- is not unique within a version.
ALTER TABLE list_entry DROP CONSTRAINT list_entry_uq;
CREATE INDEX list_entry_entry_idx ON list_entry (version_id, entry_id);
