-- 职权规则: which department has authority over a category (and class) of petition, as data.
-- A version is a complete rule set, published by an administrator with a reason (the audit) and
-- in effect from its date until a later version takes over. Every decision stores its version.
CREATE TABLE authority_rule_set (
    version         INTEGER      PRIMARY KEY,
    effective_from  DATE         NOT NULL,
    published_at    TIMESTAMPTZ  NOT NULL,
    published_by    TEXT         NOT NULL,
    reason          TEXT         NOT NULL
);

CREATE TABLE authority_rule (
    id              BIGSERIAL    PRIMARY KEY,
    version         INTEGER      NOT NULL REFERENCES authority_rule_set (version),
    category        TEXT         NOT NULL,   -- a category code (2 or 4 digits) or '*'
    petition_class  TEXT         NOT NULL,   -- SUGGESTION, ACCUSATION, APPEAL or '*'
    department      TEXT         NOT NULL,   -- units/departments.csv
    min_level       TEXT,                    -- the matter goes at least up to this level
    note            TEXT
);
CREATE INDEX authority_rule_version ON authority_rule (version);

INSERT INTO authority_rule_set VALUES
    (1, DATE '2022-05-01', TIMESTAMPTZ '2026-11-24 00:00:00+08', 'system',
     '初始规则：按内容分类确定主管部门，由具备该部门的最低层级办理（《信访工作条例》第五条、第十五条、第二十二条）');

INSERT INTO authority_rule (version, category, petition_class, department, min_level, note) VALUES
    (1, '*',    '*', 'zf',   NULL, '其他事项：属地人民政府，小事不出村、大事不出镇'),
    (1, '01',   '*', 'zjj',  NULL, '城乡建设：住房和城乡建设部门'),
    (1, '0103', '*', 'zf',   NULL, '物业管理：乡镇（街道）先行处理'),
    (1, '02',   '*', 'rsj',  NULL, '劳动和社会保障：人力资源和社会保障部门'),
    (1, '03',   '*', 'nync', NULL, '农业农村：农业农村部门'),
    (1, '0301', '*', 'zf',   NULL, '土地承包经营：乡镇先行调处'),
    (1, '0302', '*', 'zf',   NULL, '农村集体资产与财务：乡镇'),
    (1, '0304', '*', 'zf',   NULL, '宅基地：乡镇'),
    (1, '04',   '*', 'zrzy', NULL, '自然资源：自然资源部门'),
    (1, '05',   '*', 'sthj', NULL, '生态环境：生态环境部门'),
    (1, '06',   '*', 'zfw',  NULL, '政法：诉访分离，转同级政法委（第二十二条第二款、第二十八条）'),
    (1, '0601', '*', 'gaj',  NULL, '公安执法：公安机关'),
    (1, '07',   '*', 'wjw',  NULL, '卫生健康：卫生健康部门'),
    (1, '08',   '*', 'jyj',  NULL, '教育：教育部门'),
    (1, '09',   '*', 'jtj',  NULL, '交通运输：交通运输部门'),
    (1, '10',   '*', 'mzj',  NULL, '民政：民政部门'),
    (1, '11',   '*', 'scjg', NULL, '市场监管：市场监管部门'),
    (1, '12',   '*', 'jrj',  'CITY', '金融：地方金融管理部门，市级以上'),
    (1, '13',   '*', 'jw',   NULL, '纪检监察：纪检监察机关（第二十二条第二款）'),
    (1, '14',   '*', 'zzb',  NULL, '组织人事：组织部门');

ALTER TABLE routing_decision ADD COLUMN rule_id BIGINT;
