CREATE INDEX "work_orders_appointment_idx" ON "work_orders" USING btree ("tenant_id","appointment_start") WHERE "work_orders"."appointment_start" is not null;--> statement-breakpoint
-- KPI-01: every KPI-01 indicator is pre-aggregated by day now, so a change of anything an indicator
-- reads marks the local days it is anchored on as stale: the order's accepted, completed and
-- appointment-start instants and the due instants of its SLA clocks. Hand-written (drizzle-kit cannot
-- express triggers); plain plpgsql that PGlite and PostgreSQL 15 share.
CREATE OR REPLACE FUNCTION kpi_daily_mark_dirty() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO kpi_daily_dirty (tenant_id, at)
      SELECT OLD.tenant_id, x FROM unnest(ARRAY[OLD.accepted_at, OLD.completed_at, OLD.appointment_start]) AS x
       WHERE x IS NOT NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO kpi_daily_dirty (tenant_id, at)
      SELECT NEW.tenant_id, x FROM unnest(ARRAY[NEW.accepted_at, NEW.completed_at, NEW.appointment_start]) AS x
       WHERE x IS NOT NULL;
    INSERT INTO kpi_daily_dirty (tenant_id, at)
      SELECT c.tenant_id, c.due_at FROM sla_clocks c WHERE c.tenant_id = NEW.tenant_id AND c.order_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER work_orders_kpi_daily_dirty_update ON work_orders;
--> statement-breakpoint
CREATE TRIGGER work_orders_kpi_daily_dirty_update
  AFTER UPDATE ON work_orders
  FOR EACH ROW
  WHEN (OLD.accepted_at IS DISTINCT FROM NEW.accepted_at
     OR OLD.completed_at IS DISTINCT FROM NEW.completed_at
     OR OLD.appointment_start IS DISTINCT FROM NEW.appointment_start
     OR OLD.appointment_end IS DISTINCT FROM NEW.appointment_end
     OR OLD.type IS DISTINCT FROM NEW.type
     OR OLD.vendor_id IS DISTINCT FROM NEW.vendor_id
     OR OLD.station_id IS DISTINCT FROM NEW.station_id
     OR OLD.area_id IS DISTINCT FROM NEW.area_id
     OR OLD.holder_id IS DISTINCT FROM NEW.holder_id
     OR OLD.repeat_of_order_id IS DISTINCT FROM NEW.repeat_of_order_id
     OR (OLD.status = 'cancelled') IS DISTINCT FROM (NEW.status = 'cancelled'))
  EXECUTE FUNCTION kpi_daily_mark_dirty();
--> statement-breakpoint
-- A row of a table hanging off an order (its lifecycle events, callback tasks, borrow cards) changed:
-- the order's anchor days are stale.
CREATE FUNCTION kpi_daily_mark_order_dirty() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t uuid;
  o uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN t := OLD.tenant_id; o := OLD.order_id; ELSE t := NEW.tenant_id; o := NEW.order_id; END IF;
  INSERT INTO kpi_daily_dirty (tenant_id, at)
    SELECT w.tenant_id, x FROM work_orders w, unnest(ARRAY[w.accepted_at, w.completed_at, w.appointment_start]) AS x
     WHERE w.tenant_id = t AND w.id = o AND x IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER work_order_events_kpi_daily_dirty
  AFTER INSERT ON work_order_events
  FOR EACH ROW
  WHEN (NEW.action IN ('arrive', 'reopen', 'reschedule', 'no_access'))
  EXECUTE FUNCTION kpi_daily_mark_order_dirty();
--> statement-breakpoint
CREATE TRIGGER callback_tasks_kpi_daily_dirty_insert_delete
  AFTER INSERT OR DELETE ON callback_tasks
  FOR EACH ROW EXECUTE FUNCTION kpi_daily_mark_order_dirty();
--> statement-breakpoint
CREATE TRIGGER callback_tasks_kpi_daily_dirty_update
  AFTER UPDATE ON callback_tasks
  FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.satisfaction IS DISTINCT FROM NEW.satisfaction
     OR OLD.kind IS DISTINCT FROM NEW.kind)
  EXECUTE FUNCTION kpi_daily_mark_order_dirty();
--> statement-breakpoint
CREATE TRIGGER borrow_cards_kpi_daily_dirty
  AFTER INSERT OR DELETE ON borrow_cards
  FOR EACH ROW EXECUTE FUNCTION kpi_daily_mark_order_dirty();
--> statement-breakpoint
-- A borrow line knows its card, not its order.
CREATE FUNCTION kpi_daily_mark_borrow_line_dirty() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t uuid;
  c uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN t := OLD.tenant_id; c := OLD.card_id; ELSE t := NEW.tenant_id; c := NEW.card_id; END IF;
  INSERT INTO kpi_daily_dirty (tenant_id, at)
    SELECT w.tenant_id, x FROM borrow_cards b JOIN work_orders w ON w.tenant_id = b.tenant_id AND w.id = b.order_id,
           unnest(ARRAY[w.accepted_at, w.completed_at, w.appointment_start]) AS x
     WHERE b.tenant_id = t AND b.id = c AND x IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER borrow_lines_kpi_daily_dirty_insert_delete
  AFTER INSERT OR DELETE ON borrow_lines
  FOR EACH ROW EXECUTE FUNCTION kpi_daily_mark_borrow_line_dirty();
--> statement-breakpoint
CREATE TRIGGER borrow_lines_kpi_daily_dirty_update
  AFTER UPDATE ON borrow_lines
  FOR EACH ROW
  WHEN (OLD.consumed IS DISTINCT FROM NEW.consumed OR OLD.item_id IS DISTINCT FROM NEW.item_id)
  EXECUTE FUNCTION kpi_daily_mark_borrow_line_dirty();
--> statement-breakpoint
-- An SLA clock is counted on the local day of its due instant (old and new when it moves).
CREATE FUNCTION kpi_daily_mark_clock_dirty() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO kpi_daily_dirty (tenant_id, at) VALUES (OLD.tenant_id, OLD.due_at);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO kpi_daily_dirty (tenant_id, at) VALUES (NEW.tenant_id, NEW.due_at);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sla_clocks_kpi_daily_dirty_insert_delete
  AFTER INSERT OR DELETE ON sla_clocks
  FOR EACH ROW EXECUTE FUNCTION kpi_daily_mark_clock_dirty();
--> statement-breakpoint
CREATE TRIGGER sla_clocks_kpi_daily_dirty_update
  AFTER UPDATE ON sla_clocks
  FOR EACH ROW
  WHEN (OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.state IS DISTINCT FROM NEW.state
     OR OLD.stopped_at IS DISTINCT FROM NEW.stopped_at OR OLD.paused_at IS DISTINCT FROM NEW.paused_at)
  EXECUTE FUNCTION kpi_daily_mark_clock_dirty();
--> statement-breakpoint
-- The days already aggregated were built without the new indicators: every order's days are stale.
INSERT INTO kpi_daily_dirty (tenant_id, at)
  SELECT DISTINCT tenant_id, x FROM work_orders, unnest(ARRAY[accepted_at, completed_at, appointment_start]) AS x
   WHERE x IS NOT NULL;
--> statement-breakpoint
INSERT INTO kpi_daily_dirty (tenant_id, at) SELECT DISTINCT tenant_id, due_at FROM sla_clocks;
