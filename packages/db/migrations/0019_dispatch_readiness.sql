CREATE TABLE "engineer_absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engineer_absences_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "engineer_absences_period_check" CHECK ("engineer_absences"."ends_at" > "engineer_absences"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "order_part_needs" (
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "order_part_needs_pk" PRIMARY KEY("tenant_id","order_id","item_id"),
	CONSTRAINT "order_part_needs_quantity_check" CHECK ("order_part_needs"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "planned_visits" ADD COLUMN "overrun_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "engineer_absences" ADD CONSTRAINT "engineer_absences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineer_absences" ADD CONSTRAINT "engineer_absences_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineer_absences" ADD CONSTRAINT "engineer_absences_by_fk" FOREIGN KEY ("tenant_id","recorded_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_part_needs" ADD CONSTRAINT "order_part_needs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_part_needs" ADD CONSTRAINT "order_part_needs_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_part_needs" ADD CONSTRAINT "order_part_needs_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."part_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_part_needs" ADD CONSTRAINT "order_part_needs_by_fk" FOREIGN KEY ("tenant_id","recorded_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engineer_absences_person_idx" ON "engineer_absences" USING btree ("tenant_id","person_id","starts_at");--> statement-breakpoint
ALTER TABLE "planned_visits" ADD CONSTRAINT "planned_visits_overrun_check" CHECK ("planned_visits"."overrun_minutes" >= 0);