-- A decision readable with its reasons (issue 31, item 3): who asked, the matter's place (its
-- path from the province down is read from the division table), and what was passed over and why. A case no rule can place is
-- recorded too, with no unit: it waits for a 信访 office to forward it by hand.
ALTER TABLE routing_decision
    ADD COLUMN registering_unit TEXT,
    ADD COLUMN matter_region    TEXT,
    ADD COLUMN petition_class   TEXT,
    ADD COLUMN alternatives     JSONB,
    ADD COLUMN excluded         JSONB,
    ALTER COLUMN unit_code   DROP NOT NULL,
    ALTER COLUMN unit_name   DROP NOT NULL,
    ALTER COLUMN region_code DROP NOT NULL,
    ALTER COLUMN mode        DROP NOT NULL;
