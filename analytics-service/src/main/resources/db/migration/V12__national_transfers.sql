-- 进京访 (issue 6): how each registration was taken in (its origin); a visit the national bureau
-- registered and sent down (NATIONAL_TRANSFER) is a visit to Beijing. Unknown (null) for repeat
-- receipts and for facts written before this version.
ALTER TABLE petition_fact ADD COLUMN origin TEXT;
ALTER TABLE petition_tally ADD COLUMN origin TEXT;
ALTER TABLE petition_tally DROP CONSTRAINT petition_tally_key;
ALTER TABLE petition_tally ADD CONSTRAINT petition_tally_key UNIQUE NULLS NOT DISTINCT
    (region_code, day, channel, category, petition_class, purpose, repeat, collective,
     registering_level, escalated, origin);
