-- An accusation's clocks are shown only to 信访 and discipline offices and the handling unit
-- (issue 24, Art 30(3)): each clock knows whether its case is an accusation. Clocks kept before
-- this version do not (a rebuild from the event log sets it).
ALTER TABLE statutory_clock ADD COLUMN accusation BOOLEAN NOT NULL DEFAULT FALSE;
-- The same for a case's standing, which the backlog lists.
ALTER TABLE supervised_case ADD COLUMN accusation BOOLEAN NOT NULL DEFAULT FALSE;
