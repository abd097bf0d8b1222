ALTER TABLE "sla_clocks" ADD COLUMN "holder_id" uuid;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "counts_from" date;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "hits" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "work_orders_open_appointment_end_idx" ON "work_orders" USING btree ("tenant_id","appointment_end") WHERE "work_orders"."completed_at" is null and "work_orders"."appointment_end" is not null;--> statement-breakpoint
-- sla_clocks.holder_id copies the order's holder (KPI-01 slices read one engineer's clocks of a day).
-- Filled for existing clocks before the index is built (the clocks' mark trigger does not watch it).
UPDATE "sla_clocks" c SET "holder_id" = w."holder_id"
  FROM "work_orders" w
 WHERE w."tenant_id" = c."tenant_id" AND w."id" = c."order_id" AND w."holder_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "sla_clocks_holder_due_idx" ON "sla_clocks" USING btree ("tenant_id","holder_id","due_at");
--> statement-breakpoint
-- A new clock takes its order's holder; an order handed to someone else hands its clocks on too.
CREATE FUNCTION sla_clocks_copy_holder() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.holder_id := (SELECT w.holder_id FROM work_orders w WHERE w.tenant_id = NEW.tenant_id AND w.id = NEW.order_id);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sla_clocks_copy_holder
  BEFORE INSERT OR UPDATE OF order_id, holder_id ON sla_clocks
  FOR EACH ROW EXECUTE FUNCTION sla_clocks_copy_holder();
--> statement-breakpoint
CREATE FUNCTION work_orders_hand_clocks_on() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sla_clocks SET holder_id = NEW.holder_id WHERE tenant_id = NEW.tenant_id AND order_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER work_orders_hand_clocks_on
  AFTER UPDATE OF holder_id ON work_orders
  FOR EACH ROW
  WHEN (OLD.holder_id IS DISTINCT FROM NEW.holder_id)
  EXECUTE FUNCTION work_orders_hand_clocks_on();
--> statement-breakpoint
-- KPI-01: kpi_daily now also stores the rows of orders still open past a deadline or window and of SLA
-- clocks still running (counts_from: the local day they start to count). Days built before this
-- migration lack those rows, so every day that has aggregates is marked stale as a whole and is rebuilt
-- by its next read. The mark's instant is noon UTC of the stored day: the same local day in every zone
-- within ±11 hours of UTC (the aggregates' zone is the KPI policy's, Asia/Shanghai by default).
INSERT INTO "kpi_daily_dirty" ("tenant_id", "at", "holder_id", "whole_day")
  SELECT DISTINCT "tenant_id", ("day"::timestamp + interval '12 hours') AT TIME ZONE 'UTC', NULL::uuid, true
    FROM "kpi_daily";
