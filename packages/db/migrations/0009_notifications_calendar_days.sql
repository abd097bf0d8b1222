CREATE TABLE "notification_sends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"notification_id" uuid,
	"order_id" uuid,
	"channel" text NOT NULL,
	"adapter" text NOT NULL,
	"recipient" text NOT NULL,
	"template" text NOT NULL,
	"params" jsonb NOT NULL,
	"status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_sends_status_check" CHECK ("notification_sends"."status" in ('recorded', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"recipient_person_id" uuid,
	"recipient_position" text,
	"recipient_unit_id" uuid,
	"kind" text NOT NULL,
	"order_id" uuid,
	"payload" jsonb NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" uuid,
	CONSTRAINT "notifications_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "notifications_dedupe_unique" UNIQUE("tenant_id","dedupe_key"),
	CONSTRAINT "notifications_recipient_check" CHECK (("notifications"."recipient_person_id" is not null and "notifications"."recipient_position" is null and "notifications"."recipient_unit_id" is null)
        or ("notifications"."recipient_person_id" is null and "notifications"."recipient_position" is not null and "notifications"."recipient_unit_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"updated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_days_tenant_date_unique" UNIQUE("tenant_id","date"),
	CONSTRAINT "calendar_days_kind_check" CHECK ("calendar_days"."kind" in ('holiday', 'working', 'closure')),
	CONSTRAINT "calendar_days_source_check" CHECK ("calendar_days"."source" in ('admin', 'official_notice'))
);
--> statement-breakpoint
CREATE TABLE "calendar_declared_years" (
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"declared_by" uuid NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_declared_years_pk" PRIMARY KEY("tenant_id","year"),
	CONSTRAINT "calendar_declared_years_year_check" CHECK ("calendar_declared_years"."year" between 1900 and 2999)
);
--> statement-breakpoint
ALTER TABLE "sla_clock_events" DROP CONSTRAINT "sla_clock_events_clock_kind_unique";--> statement-breakpoint
ALTER TABLE "sla_clock_events" DROP CONSTRAINT "sla_clock_events_kind_check";--> statement-breakpoint
ALTER TABLE "sla_clock_events" ADD COLUMN "occurrence" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_sends" ADD CONSTRAINT "notification_sends_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_sends" ADD CONSTRAINT "notification_sends_notification_fk" FOREIGN KEY ("tenant_id","notification_id") REFERENCES "public"."notifications"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_sends" ADD CONSTRAINT "notification_sends_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_person_fk" FOREIGN KEY ("tenant_id","recipient_person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_unit_fk" FOREIGN KEY ("tenant_id","recipient_unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_read_by_fk" FOREIGN KEY ("tenant_id","read_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_updated_by_fk" FOREIGN KEY ("tenant_id","updated_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_declared_years" ADD CONSTRAINT "calendar_declared_years_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_declared_years" ADD CONSTRAINT "calendar_declared_years_by_fk" FOREIGN KEY ("tenant_id","declared_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_sends_tenant_at_idx" ON "notification_sends" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "notifications_person_idx" ON "notifications" USING btree ("tenant_id","recipient_person_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_position_idx" ON "notifications" USING btree ("tenant_id","recipient_unit_id","recipient_position","created_at");--> statement-breakpoint
ALTER TABLE "sla_clock_events" ADD CONSTRAINT "sla_clock_events_clock_kind_occurrence_unique" UNIQUE("clock_id","kind","occurrence");--> statement-breakpoint
ALTER TABLE "sla_clock_events" ADD CONSTRAINT "sla_clock_events_kind_check" CHECK ("sla_clock_events"."kind" in ('warning', 'breach', 'escalation', 'reevaluated'));