DROP INDEX "work_orders_holder_idx";--> statement-breakpoint
ALTER TABLE "kpi_daily_dirty" ADD COLUMN "holder_id" uuid;--> statement-breakpoint
ALTER TABLE "kpi_daily_dirty" ADD COLUMN "whole_day" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "work_orders_holder_completed_idx" ON "work_orders" USING btree ("tenant_id","holder_id","completed_at");--> statement-breakpoint
CREATE INDEX "work_orders_holder_appointment_idx" ON "work_orders" USING btree ("tenant_id","holder_id","appointment_start") WHERE "work_orders"."appointment_start" is not null;--> statement-breakpoint
CREATE INDEX "work_orders_holder_idx" ON "work_orders" USING btree ("tenant_id","holder_id","accepted_at");--> statement-breakpoint
-- KPI-01: a mark names the engineer whose slice of the day changed (the order's holder before and
-- after the change; null: orders nobody holds), so the reader rebuilds that engineer's part of the
-- day instead of the whole tenant-day (one changed order cost seconds at a few million orders). Marks
-- written before this migration keep whole_day = true and rebuild the whole day. Hand-written (drizzle-kit
-- cannot express triggers); plain plpgsql that PGlite and PostgreSQL 15 share. The triggers created by
-- 0020 and 0024 call these functions by name and stay as they are.
CREATE OR REPLACE FUNCTION kpi_daily_mark_dirty() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO kpi_daily_dirty (tenant_id, at, holder_id, whole_day)
      SELECT OLD.tenant_id, x, OLD.holder_id, false
        FROM unnest(ARRAY[OLD.accepted_at, OLD.completed_at, OLD.appointment_start]) AS x
       WHERE x IS NOT NULL;
    INSERT INTO kpi_daily_dirty (tenant_id, at, holder_id, whole_day)
      SELECT c.tenant_id, c.due_at, OLD.holder_id, false
        FROM sla_clocks c WHERE c.tenant_id = OLD.tenant_id AND c.order_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO kpi_daily_dirty (tenant_id, at, holder_id, whole_day)
      SELECT NEW.tenant_id, x, NEW.holder_id, false
        FROM unnest(ARRAY[NEW.accepted_at, NEW.completed_at, NEW.appointment_start]) AS x
       WHERE x IS NOT NULL;
    INSERT INTO kpi_daily_dirty (tenant_id, at, holder_id, whole_day)
      SELECT c.tenant_id, c.due_at, NEW.holder_id, false
        FROM sla_clocks c WHERE c.tenant_id = NEW.tenant_id AND c.order_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kpi_daily_mark_order_dirty() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t uuid;
  o uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN t := OLD.tenant_id; o := OLD.order_id; ELSE t := NEW.tenant_id; o := NEW.order_id; END IF;
  INSERT INTO kpi_daily_dirty (tenant_id, at, holder_id, whole_day)
    SELECT w.tenant_id, x, w.holder_id, false
      FROM work_orders w, unnest(ARRAY[w.accepted_at, w.completed_at, w.appointment_start]) AS x
     WHERE w.tenant_id = t AND w.id = o AND x IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kpi_daily_mark_borrow_line_dirty() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t uuid;
  c uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN t := OLD.tenant_id; c := OLD.card_id; ELSE t := NEW.tenant_id; c := NEW.card_id; END IF;
  INSERT INTO kpi_daily_dirty (tenant_id, at, holder_id, whole_day)
    SELECT w.tenant_id, x, w.holder_id, false
      FROM borrow_cards b JOIN work_orders w ON w.tenant_id = b.tenant_id AND w.id = b.order_id,
           unnest(ARRAY[w.accepted_at, w.completed_at, w.appointment_start]) AS x
     WHERE b.tenant_id = t AND b.id = c AND x IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A clock counts on its due day in its order's holder's slice; a clock whose order cannot be found
-- marks the whole day.
CREATE OR REPLACE FUNCTION kpi_daily_mark_clock_dirty() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO kpi_daily_dirty (tenant_id, at, holder_id, whole_day)
      SELECT OLD.tenant_id, OLD.due_at, w.holder_id, w.id IS NULL
        FROM (SELECT 1) AS one
        LEFT JOIN work_orders w ON w.tenant_id = OLD.tenant_id AND w.id = OLD.order_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO kpi_daily_dirty (tenant_id, at, holder_id, whole_day)
      SELECT NEW.tenant_id, NEW.due_at, w.holder_id, w.id IS NULL
        FROM (SELECT 1) AS one
        LEFT JOIN work_orders w ON w.tenant_id = NEW.tenant_id AND w.id = NEW.order_id;
  END IF;
  RETURN NULL;
END;
$$;
