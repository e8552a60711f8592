-- Issue 27: the tables an office keeps to translate its former system's codes (categories, units)
-- into the platform's (docs/migration.md). Each upload is a new version; a job names the versions
-- its records were read with.
CREATE TABLE import_mapping_version (
    region_code TEXT        NOT NULL,
    table_name  TEXT        NOT NULL,
    version     INTEGER     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL,
    PRIMARY KEY (region_code, table_name, version)
);

CREATE TABLE import_mapping (
    region_code   TEXT    NOT NULL,
    table_name    TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    former_code   TEXT    NOT NULL,
    platform_code TEXT    NOT NULL,
    note          TEXT,
    PRIMARY KEY (region_code, table_name, version, former_code),
    FOREIGN KEY (region_code, table_name, version)
        REFERENCES import_mapping_version (region_code, table_name, version)
);

ALTER TABLE import_job ADD COLUMN mapping_versions TEXT;
