-- 信访量: registered petitions per day, matter region and channel (a read model; issue 6 adds the rest).
CREATE TABLE daily_volume (
    day          DATE     NOT NULL,
    region_code  TEXT     NOT NULL,
    channel      TEXT     NOT NULL,
    cases        INTEGER  NOT NULL,
    persons      INTEGER  NOT NULL,
    PRIMARY KEY (day, region_code, channel)
);
CREATE INDEX daily_volume_region ON daily_volume (region_code text_pattern_ops, day);
