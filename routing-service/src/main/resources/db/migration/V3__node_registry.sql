-- The node registry learned from the compacted topic petition.nodes (docs/nodes.md).
CREATE TABLE node (
    region_code   TEXT         PRIMARY KEY,
    region_name   TEXT         NOT NULL,
    announced_at  TIMESTAMPTZ  NOT NULL
);

-- The node that hosts the chosen unit; the case is handed off when it is not this node.
ALTER TABLE routing_decision ADD COLUMN node_region TEXT;
