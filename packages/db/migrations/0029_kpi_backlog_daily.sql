CREATE TABLE "kpi_backlog_daily" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"type" text NOT NULL,
	"vendor_id" uuid NOT NULL,
	"station_id" uuid,
	"holder_id" uuid,
	"done_day" date,
	"orders" integer NOT NULL,
	"at_midnight" integer NOT NULL,
	"flagged" integer NOT NULL,
	"flagged_at_midnight" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_backlog_daily" ADD CONSTRAINT "kpi_backlog_daily_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_backlog_daily_day_idx" ON "kpi_backlog_daily" USING btree ("tenant_id","day");--> statement-breakpoint
CREATE INDEX "kpi_backlog_daily_done_idx" ON "kpi_backlog_daily" USING btree ("tenant_id","done_day");--> statement-breakpoint
-- KPI-02: an order put on hold or taken off hold is a problem order (or stops being one) in
-- kpi_backlog_daily, so that change marks its days too. Same list as 0024 plus the hold.
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
     OR (OLD.status = 'cancelled') IS DISTINCT FROM (NEW.status = 'cancelled')
     OR (OLD.status = 'suspended') IS DISTINCT FROM (NEW.status = 'suspended'))
  EXECUTE FUNCTION kpi_daily_mark_dirty();
--> statement-breakpoint
-- The new table is built with kpi_daily, day by day; every day that has orders is marked stale as a
-- whole so the background refresh (or the first report read) builds it. The instants are whole hours
-- of acceptance: every local day with an order has one of them, whatever the policy's zone.
INSERT INTO "kpi_daily_dirty" ("tenant_id", "at", "holder_id", "whole_day")
  SELECT DISTINCT "tenant_id", date_trunc('hour', "accepted_at"), NULL::uuid, true
    FROM "work_orders";
