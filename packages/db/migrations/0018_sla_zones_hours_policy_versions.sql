CREATE TABLE "sla_policy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"policy" jsonb NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policy_versions_tenant_version_unique" UNIQUE("tenant_id","version"),
	CONSTRAINT "sla_policy_versions_version_check" CHECK ("sla_policy_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "unit_working_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"hours" jsonb NOT NULL,
	"updated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_working_hours_tenant_unit_unique" UNIQUE("tenant_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "sla_policy_versions" ADD CONSTRAINT "sla_policy_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policy_versions" ADD CONSTRAINT "sla_policy_versions_created_by_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_working_hours" ADD CONSTRAINT "unit_working_hours_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_working_hours" ADD CONSTRAINT "unit_working_hours_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_working_hours" ADD CONSTRAINT "unit_working_hours_updated_by_fk" FOREIGN KEY ("tenant_id","updated_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;