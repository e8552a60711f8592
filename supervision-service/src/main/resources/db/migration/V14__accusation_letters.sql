-- A supervision letter about an accusation is shown only to 信访 and discipline offices and the
-- unit it is addressed to, which handles the case (issue 24, Art 30(3)), as the case's clocks are.
ALTER TABLE supervision_letter ADD COLUMN accusation BOOLEAN NOT NULL DEFAULT FALSE;
