CREATE TABLE "sla_clock_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"clock_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_clock_events_clock_kind_unique" UNIQUE("clock_id","kind"),
	CONSTRAINT "sla_clock_events_kind_check" CHECK ("sla_clock_events"."kind" in ('warning', 'breach', 'escalation'))
);
--> statement-breakpoint
CREATE TABLE "sla_clocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"station_id" uuid,
	"order_type" text NOT NULL,
	"kind" text NOT NULL,
	"rule_id" text NOT NULL,
	"policy_id" text NOT NULL,
	"policy_version" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"warn_at" timestamp with time zone NOT NULL,
	"paused_intervals" jsonb NOT NULL,
	"state" text NOT NULL,
	"paused_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"provisional" boolean NOT NULL,
	"warned_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"overdue_reason" text,
	"overdue_reason_by" uuid,
	"overdue_reason_at" timestamp with time zone,
	"engine" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_clocks_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "sla_clocks_order_kind_unique" UNIQUE("order_id","kind"),
	CONSTRAINT "sla_clocks_state_check" CHECK ("sla_clocks"."state" in ('running', 'paused', 'stopped')),
	CONSTRAINT "sla_clocks_version_check" CHECK ("sla_clocks"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "sla_clock_events" ADD CONSTRAINT "sla_clock_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clock_events" ADD CONSTRAINT "sla_clock_events_clock_fk" FOREIGN KEY ("tenant_id","clock_id") REFERENCES "public"."sla_clocks"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clock_events" ADD CONSTRAINT "sla_clock_events_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_reason_by_fk" FOREIGN KEY ("tenant_id","overdue_reason_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_clock_events_tenant_at_idx" ON "sla_clock_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "sla_clocks_at_risk_idx" ON "sla_clocks" USING btree ("tenant_id","state","due_at","id");--> statement-breakpoint
CREATE INDEX "sla_clocks_warn_idx" ON "sla_clocks" USING btree ("tenant_id","warn_at");--> statement-breakpoint
CREATE INDEX "sla_clocks_order_idx" ON "sla_clocks" USING btree ("tenant_id","order_id");