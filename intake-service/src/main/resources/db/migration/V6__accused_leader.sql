-- Whether the accused is a principal leader of their level: the accusation then goes one level up.
ALTER TABLE accused ADD COLUMN leader BOOLEAN NOT NULL DEFAULT FALSE;
