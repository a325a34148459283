-- Monitoring compares a list change with what the screening weighed, not the name alone: a party's identifiers
-- (a correspondent's BIC, a vessel's IMO number), dates of birth, nationalities and cities, as JSON
-- ({"identifiers": {"BIC": ["..."]}, "birthDates": [...], "nationalities": [...], "cities": [...]}); NULL when the
-- party had none. A party given by identifiers alone is watched too, with an empty name.
ALTER TABLE watched_party ADD COLUMN facts_json VARCHAR;
