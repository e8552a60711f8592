-- Statistics exchanged between levels (issue 6, docs/statistics.md): the days this node has
-- published, with a digest of what it said (published again only when the figures change), and the
-- latest snapshot of each day received from each node below.
CREATE TABLE snapshot_published (
    day          DATE        PRIMARY KEY,
    digest       TEXT        NOT NULL,
    published_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE exchanged_snapshot (
    source_node TEXT        NOT NULL,
    day         DATE        NOT NULL,
    as_of       DATE        NOT NULL,
    body        JSONB       NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source_node, day)
);
CREATE INDEX exchanged_snapshot_day ON exchanged_snapshot (day);
