-- 集体访 and visits by level (issue 6): whether a registration was a collective petition, and the
-- region of the office that registered it (a visit registered at the province is a visit to the
-- province). Unknown for repeat receipts and for facts written before this version.
ALTER TABLE petition_fact ADD COLUMN collective BOOLEAN;
ALTER TABLE petition_fact ADD COLUMN registering_region TEXT;
