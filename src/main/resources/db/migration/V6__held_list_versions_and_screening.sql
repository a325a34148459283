-- A new list version that drops more than assessor.lists.max-drop of the entries of the version in force, or holds
-- none, is stored but held: not in force until someone confirms it. held stays TRUE while it waits; a later version
-- put in force ends the wait (held FALSE, held_reason kept as history).
ALTER TABLE list_version ADD COLUMN held BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE list_version ADD COLUMN held_reason VARCHAR(2000);
ALTER TABLE list_version ADD COLUMN confirmed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE list_version ADD COLUMN confirmed_by VARCHAR(200);

-- What the screening of an assessment did: {"performed": true|false, "reason": ...}. NULL for assessments stored
-- before it was recorded (their list_versions_json tells whether any list was used).
ALTER TABLE assessment ADD COLUMN screening_json VARCHAR;
