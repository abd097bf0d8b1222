CREATE TABLE "batch_incident_children" (
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"state" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "batch_incident_children_pk" PRIMARY KEY("tenant_id","order_id"),
	CONSTRAINT "batch_incident_children_state_check" CHECK ("batch_incident_children"."state" in ('proposed', 'linked', 'released'))
);
--> statement-breakpoint
CREATE TABLE "batch_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"number" text NOT NULL,
	"key_kind" text NOT NULL,
	"key_value" text NOT NULL,
	"area_id" uuid,
	"state" text NOT NULL,
	"progress" text,
	"progress_note" text,
	"progress_at" timestamp with time zone,
	"proposed_at" timestamp with time zone NOT NULL,
	"policy_version" integer NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"close_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "batch_incidents_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "batch_incidents_tenant_number_unique" UNIQUE("tenant_id","number"),
	CONSTRAINT "batch_incidents_state_check" CHECK ("batch_incidents"."state" in ('proposed', 'confirmed', 'dismissed', 'closed')),
	CONSTRAINT "batch_incidents_key_kind_check" CHECK ("batch_incidents"."key_kind" in ('access_device', 'area'))
);
--> statement-breakpoint
ALTER TABLE "batch_incident_children" ADD CONSTRAINT "batch_incident_children_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_incident_children" ADD CONSTRAINT "batch_incident_children_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_incident_children" ADD CONSTRAINT "batch_incident_children_incident_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "public"."batch_incidents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_incident_children" ADD CONSTRAINT "batch_incident_children_by_fk" FOREIGN KEY ("tenant_id","by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_incidents" ADD CONSTRAINT "batch_incidents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_incidents" ADD CONSTRAINT "batch_incidents_vendor_fk" FOREIGN KEY ("tenant_id","vendor_id") REFERENCES "public"."vendors"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_incidents" ADD CONSTRAINT "batch_incidents_decided_by_fk" FOREIGN KEY ("tenant_id","decided_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_incidents" ADD CONSTRAINT "batch_incidents_closed_by_fk" FOREIGN KEY ("tenant_id","closed_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "batch_incident_children_incident_idx" ON "batch_incident_children" USING btree ("tenant_id","incident_id");--> statement-breakpoint
CREATE INDEX "batch_incidents_key_idx" ON "batch_incidents" USING btree ("tenant_id","vendor_id","key_kind","key_value","state");--> statement-breakpoint
CREATE INDEX "batch_incidents_list_idx" ON "batch_incidents" USING btree ("tenant_id","state","proposed_at");