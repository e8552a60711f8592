-- Reading across nodes (issue 30): the other node of a call between nodes. On the gateway that
-- relayed an office's read to the node holding the case file: that node; on the gateway of that
-- node: the node the call came from. Null for a call that stayed on one node.
ALTER TABLE audit_entry ADD COLUMN node text;
