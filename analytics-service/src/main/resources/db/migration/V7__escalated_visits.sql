-- 越级访 (issue 6): a registration whose case routing found registered more than one level above
-- the level with authority (Art 20), from the escalated flag of the case's progress events.
ALTER TABLE petition_fact ADD COLUMN escalated BOOLEAN NOT NULL DEFAULT false;
