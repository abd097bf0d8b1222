ALTER TABLE "kpi_daily" ADD COLUMN "counts_from" date;--> statement-breakpoint
CREATE INDEX "work_orders_open_appointment_end_idx" ON "work_orders" USING btree ("tenant_id","appointment_end") WHERE "work_orders"."completed_at" is null and "work_orders"."appointment_end" is not null;--> statement-breakpoint
-- KPI-01: kpi_daily now also stores the rows of orders still open past a deadline or window and of SLA
-- clocks still running (counts_from: the local day they start to count). Days built before this
-- migration lack those rows, so every day that has aggregates is marked stale as a whole and is rebuilt
-- by its next read. The mark's instant is noon UTC of the stored day: the same local day in every zone
-- within ±11 hours of UTC (the aggregates' zone is the KPI policy's, Asia/Shanghai by default).
INSERT INTO "kpi_daily_dirty" ("tenant_id", "at", "holder_id", "whole_day")
  SELECT DISTINCT "tenant_id", ("day"::timestamp + interval '12 hours') AT TIME ZONE 'UTC', NULL::uuid, true
    FROM "kpi_daily";
