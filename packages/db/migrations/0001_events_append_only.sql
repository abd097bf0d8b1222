-- AUD-01: work_order_events is append-only. Corrections are new events; an UPDATE, DELETE or
-- TRUNCATE is refused by the database itself, whichever code (or person with psql) attempts it.
-- Hand-written (drizzle-kit cannot express triggers); plain plpgsql that PGlite and PostgreSQL 15 share.
CREATE FUNCTION work_order_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'work_order_events is append-only: % refused', TG_OP
    USING ERRCODE = 'restrict_violation',
          HINT = 'Record a correction as a new event instead (AUD-01).';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER work_order_events_append_only
  BEFORE UPDATE OR DELETE ON work_order_events
  FOR EACH ROW EXECUTE FUNCTION work_order_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER work_order_events_no_truncate
  BEFORE TRUNCATE ON work_order_events
  FOR EACH STATEMENT EXECUTE FUNCTION work_order_events_refuse_change();
