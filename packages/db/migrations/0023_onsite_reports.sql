CREATE TABLE "onsite_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"station_id" uuid,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"details" jsonb NOT NULL,
	"attachment_ids" jsonb NOT NULL,
	"for_position" text NOT NULL,
	"for_unit_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"clock_kind" text,
	"raised_by" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"close_note" text,
	"compensation_fen" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onsite_reports_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "onsite_reports_kind_check" CHECK ("onsite_reports"."kind" in ('no_access', 'resource_change', 'damage')),
	CONSTRAINT "onsite_reports_state_check" CHECK ("onsite_reports"."state" in ('open', 'closed')),
	CONSTRAINT "onsite_reports_compensation_check" CHECK ("onsite_reports"."compensation_fen" is null or "onsite_reports"."compensation_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "onsite_reports" ADD CONSTRAINT "onsite_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onsite_reports" ADD CONSTRAINT "onsite_reports_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onsite_reports" ADD CONSTRAINT "onsite_reports_raised_by_fk" FOREIGN KEY ("tenant_id","raised_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onsite_reports" ADD CONSTRAINT "onsite_reports_closed_by_fk" FOREIGN KEY ("tenant_id","closed_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "onsite_reports_order_idx" ON "onsite_reports" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "onsite_reports_queue_idx" ON "onsite_reports" USING btree ("tenant_id","kind","state","due_at");