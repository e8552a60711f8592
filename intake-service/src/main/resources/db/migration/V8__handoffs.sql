-- 案件移交 between nodes (docs/nodes.md). A case handed to another node stays here read-only;
-- a case received from another node is owned here.
ALTER TABLE petition_case ADD COLUMN handed_to_node TEXT;
ALTER TABLE petition_case ADD COLUMN handed_off_at TIMESTAMPTZ;
ALTER TABLE petition_case ADD COLUMN handoff_id UUID;
ALTER TABLE petition_case ADD COLUMN handoff_accepted_at TIMESTAMPTZ;
ALTER TABLE petition_case ADD COLUMN received_from_node TEXT;
ALTER TABLE petition_case ADD COLUMN received_at TIMESTAMPTZ;
