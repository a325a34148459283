-- What a list says of an entry besides its names, for the matcher: dates of birth, nationalities and cities, as one
-- JSON object ({"birthDates": [...], "nationalities": [...], "cities": [...]}). Null for an entry that gives none,
-- and for every entry of a version stored before this column existed. Not part of content_hash: the importers
-- derive it from fields of the original record, which the hash covers already. Written for H2 and PostgreSQL.
ALTER TABLE list_entry ADD COLUMN facts_json VARCHAR;
