-- Plumbing added to every service's schema after V0_1 (docs/adr/0027-traces.md). Repeatable, not
-- versioned: a common V0_x written now would sort below the migrations each service has applied
-- already, and Flyway refuses those; this one runs after them, again only if its text changes,
-- so each statement must be safe to run twice.

-- The W3C traceparent of the transaction that wrote an event: the relay publishes the event in
-- that trace. Null for an event written outside any trace.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS trace_parent TEXT;
