CREATE TABLE "kpi_daily_dirty" (
	"tenant_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"station_id" uuid,
	"area_id" uuid,
	"accepted_at" timestamp with time zone NOT NULL,
	"about_kind" text NOT NULL,
	"about_person_id" uuid,
	"fixed_with_customer" boolean DEFAULT false NOT NULL,
	"responsible_party" text,
	"responsible_person_id" uuid,
	"cause_analysis" text,
	"improvement_measure" text,
	"state" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"manager_note" text,
	"manager_noted_at" timestamp with time zone,
	"manager_noted_by" uuid,
	"history" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_follow_ups_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "complaint_follow_ups_order_unique" UNIQUE("tenant_id","order_id"),
	CONSTRAINT "complaint_follow_ups_state_check" CHECK ("complaint_follow_ups"."state" in ('open', 'closed')),
	CONSTRAINT "complaint_follow_ups_about_check" CHECK ("complaint_follow_ups"."about_kind" in ('staff', 'service', 'network', 'billing', 'other') and ("complaint_follow_ups"."about_kind" = 'staff') = ("complaint_follow_ups"."about_person_id" is not null)),
	CONSTRAINT "complaint_follow_ups_party_check" CHECK ("complaint_follow_ups"."responsible_party" is null or "complaint_follow_ups"."responsible_party" in ('vendor', 'staff', 'operator', 'network', 'customer', 'third_party'))
);
--> statement-breakpoint
ALTER TABLE "callback_tasks" ADD COLUMN "spot_check_matches" boolean;--> statement-breakpoint
ALTER TABLE "callback_tasks" ADD COLUMN "vendor_report" text;--> statement-breakpoint
ALTER TABLE "callback_tasks" ADD COLUMN "truth" text;--> statement-breakpoint
ALTER TABLE "callback_tasks" ADD COLUMN "assessment_case_id" uuid;--> statement-breakpoint
ALTER TABLE "complaint_follow_ups" ADD CONSTRAINT "complaint_follow_ups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_follow_ups" ADD CONSTRAINT "complaint_follow_ups_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_follow_ups" ADD CONSTRAINT "complaint_follow_ups_about_fk" FOREIGN KEY ("tenant_id","about_person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_follow_ups" ADD CONSTRAINT "complaint_follow_ups_responsible_fk" FOREIGN KEY ("tenant_id","responsible_person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_daily_dirty_tenant_idx" ON "kpi_daily_dirty" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "complaint_follow_ups_accepted_idx" ON "complaint_follow_ups" USING btree ("tenant_id","accepted_at");--> statement-breakpoint
CREATE INDEX "complaint_follow_ups_station_idx" ON "complaint_follow_ups" USING btree ("tenant_id","station_id","accepted_at");--> statement-breakpoint
CREATE INDEX "work_orders_completed_idx" ON "work_orders" USING btree ("tenant_id","completed_at");
--> statement-breakpoint
-- KPI-01: a change of an order that moves a kpi_daily figure marks the local days it touches (its
-- accepted and completed instants, before and after) as stale; readers rebuild those days before
-- summing (refreshDirtyKpiDays). Hand-written: drizzle-kit cannot express triggers. Plain plpgsql
-- that PGlite and PostgreSQL 15 share. Bulk loads with session_replication_role = replica skip it
-- and rebuild kpi_daily themselves.
CREATE FUNCTION kpi_daily_mark_dirty() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO kpi_daily_dirty (tenant_id, at)
      SELECT OLD.tenant_id, x FROM unnest(ARRAY[OLD.accepted_at, OLD.completed_at]) AS x WHERE x IS NOT NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO kpi_daily_dirty (tenant_id, at)
      SELECT NEW.tenant_id, x FROM unnest(ARRAY[NEW.accepted_at, NEW.completed_at]) AS x WHERE x IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER work_orders_kpi_daily_dirty_insert_delete
  AFTER INSERT OR DELETE ON work_orders
  FOR EACH ROW EXECUTE FUNCTION kpi_daily_mark_dirty();
--> statement-breakpoint
-- Only changes that move an aggregate: the instants, the type, the dimensions, the repeat flag, and
-- entering or leaving `cancelled` (every other status step leaves the figures as they were).
CREATE TRIGGER work_orders_kpi_daily_dirty_update
  AFTER UPDATE ON work_orders
  FOR EACH ROW
  WHEN (OLD.accepted_at IS DISTINCT FROM NEW.accepted_at
     OR OLD.completed_at IS DISTINCT FROM NEW.completed_at
     OR OLD.type IS DISTINCT FROM NEW.type
     OR OLD.vendor_id IS DISTINCT FROM NEW.vendor_id
     OR OLD.station_id IS DISTINCT FROM NEW.station_id
     OR OLD.area_id IS DISTINCT FROM NEW.area_id
     OR OLD.holder_id IS DISTINCT FROM NEW.holder_id
     OR OLD.repeat_of_order_id IS DISTINCT FROM NEW.repeat_of_order_id
     OR (OLD.status = 'cancelled') IS DISTINCT FROM (NEW.status = 'cancelled'))
  EXECUTE FUNCTION kpi_daily_mark_dirty();
--> statement-breakpoint
-- Orders stored before this migration: every day they touch is stale until first read.
INSERT INTO kpi_daily_dirty (tenant_id, at)
  SELECT DISTINCT tenant_id, x FROM work_orders, unnest(ARRAY[accepted_at, completed_at]) AS x WHERE x IS NOT NULL;
