-- Each node announces the public key case files handed to it are sealed with (issue 26).
ALTER TABLE node ADD COLUMN handoff_key TEXT;
