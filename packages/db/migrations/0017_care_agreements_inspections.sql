CREATE TABLE "care_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"address" text NOT NULL,
	"area_id" uuid,
	"contents" jsonb NOT NULL,
	"schedule" jsonb NOT NULL,
	"holiday_handling" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"carer_id" uuid,
	"note" text,
	"status" text NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "care_agreements_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "care_agreements_status_check" CHECK ("care_agreements"."status" in ('active', 'paused', 'ended')),
	CONSTRAINT "care_agreements_holiday_check" CHECK ("care_agreements"."holiday_handling" in ('skip', 'next_day', 'keep')),
	CONSTRAINT "care_agreements_term_check" CHECK ("care_agreements"."end_date" is null or "care_agreements"."end_date" >= "care_agreements"."start_date")
);
--> statement-breakpoint
CREATE TABLE "care_visit_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"confirms" boolean NOT NULL,
	"note" text,
	"called_at" timestamp with time zone NOT NULL,
	"called_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"occurrence_date" date NOT NULL,
	"planned_date" date,
	"holiday" text,
	"state" text NOT NULL,
	"order_id" uuid,
	"contents" jsonb NOT NULL,
	"ticks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"content_confirmed_at" timestamp with time zone,
	"condition" text,
	"rating" integer,
	"evaluation_note" text,
	"evaluated_at" timestamp with time zone,
	"evaluated_by" uuid,
	"next_visit_id" uuid,
	"next_booked_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_visits_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "care_visits_occurrence_unique" UNIQUE("tenant_id","agreement_id","occurrence_date"),
	CONSTRAINT "care_visits_state_check" CHECK ("care_visits"."state" in ('planned', 'skipped', 'cancelled')),
	CONSTRAINT "care_visits_rating_check" CHECK ("care_visits"."rating" is null or "care_visits"."rating" >= 1)
);
--> statement-breakpoint
CREATE TABLE "inspection_crews" (
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"lead" boolean NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"assigned_by" uuid NOT NULL,
	CONSTRAINT "inspection_crews_pk" PRIMARY KEY("tenant_id","order_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"item" text NOT NULL,
	"result" text NOT NULL,
	"hazard_level" text,
	"note" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "inspection_findings_item_unique" UNIQUE("tenant_id","order_id","item"),
	CONSTRAINT "inspection_findings_result_check" CHECK ("inspection_findings"."result" in ('ok', 'hazard', 'not_applicable'))
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_plans_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "inspection_plans_year_check" CHECK ("inspection_plans"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "inspection_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"customer_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"address" text NOT NULL,
	"area_id" uuid,
	"month" integer NOT NULL,
	"order_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_targets_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "inspection_targets_address_unique" UNIQUE("tenant_id","plan_id","address"),
	CONSTRAINT "inspection_targets_order_unique" UNIQUE("tenant_id","order_id"),
	CONSTRAINT "inspection_targets_month_check" CHECK ("inspection_targets"."month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "rectification_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"number" text NOT NULL,
	"hazards" jsonb NOT NULL,
	"deadline" date NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid NOT NULL,
	"signed" boolean,
	"signature" "bytea",
	"signature_type" text,
	"refusal_reason" text,
	"refusal_note" text,
	"answered_at" timestamp with time zone,
	"rectified_at" timestamp with time zone,
	"rectified_by" uuid,
	"rectified_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_notices_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "rectification_notices_order_unique" UNIQUE("tenant_id","order_id"),
	CONSTRAINT "rectification_notices_number_unique" UNIQUE("tenant_id","number"),
	CONSTRAINT "rectification_notices_answer_check" CHECK ("rectification_notices"."signed" is null or ("rectification_notices"."signed" = ("rectification_notices"."signature" is not null) and "rectification_notices"."signed" = ("rectification_notices"."refusal_reason" is null)))
);
--> statement-breakpoint
ALTER TABLE "care_agreements" ADD CONSTRAINT "care_agreements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_agreements" ADD CONSTRAINT "care_agreements_vendor_fk" FOREIGN KEY ("tenant_id","vendor_id") REFERENCES "public"."vendors"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_agreements" ADD CONSTRAINT "care_agreements_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_agreements" ADD CONSTRAINT "care_agreements_area_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_agreements" ADD CONSTRAINT "care_agreements_carer_fk" FOREIGN KEY ("tenant_id","carer_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_agreements" ADD CONSTRAINT "care_agreements_created_by_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visit_calls" ADD CONSTRAINT "care_visit_calls_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visit_calls" ADD CONSTRAINT "care_visit_calls_visit_fk" FOREIGN KEY ("tenant_id","visit_id") REFERENCES "public"."care_visits"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visit_calls" ADD CONSTRAINT "care_visit_calls_by_fk" FOREIGN KEY ("tenant_id","called_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."care_agreements"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_evaluated_by_fk" FOREIGN KEY ("tenant_id","evaluated_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_crews" ADD CONSTRAINT "inspection_crews_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_crews" ADD CONSTRAINT "inspection_crews_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_crews" ADD CONSTRAINT "inspection_crews_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_crews" ADD CONSTRAINT "inspection_crews_by_fk" FOREIGN KEY ("tenant_id","assigned_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_by_fk" FOREIGN KEY ("tenant_id","recorded_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_vendor_fk" FOREIGN KEY ("tenant_id","vendor_id") REFERENCES "public"."vendors"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_created_by_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD CONSTRAINT "inspection_targets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD CONSTRAINT "inspection_targets_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."inspection_plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD CONSTRAINT "inspection_targets_area_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD CONSTRAINT "inspection_targets_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_notices" ADD CONSTRAINT "rectification_notices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_notices" ADD CONSTRAINT "rectification_notices_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_notices" ADD CONSTRAINT "rectification_notices_issued_by_fk" FOREIGN KEY ("tenant_id","issued_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_notices" ADD CONSTRAINT "rectification_notices_rectified_by_fk" FOREIGN KEY ("tenant_id","rectified_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_agreements_list_idx" ON "care_agreements" USING btree ("tenant_id","vendor_id","status");--> statement-breakpoint
CREATE INDEX "care_visit_calls_visit_idx" ON "care_visit_calls" USING btree ("tenant_id","visit_id");--> statement-breakpoint
CREATE INDEX "care_visits_order_idx" ON "care_visits" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "care_visits_planned_idx" ON "care_visits" USING btree ("tenant_id","planned_date");--> statement-breakpoint
CREATE INDEX "inspection_crews_person_idx" ON "inspection_crews" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "inspection_plans_list_idx" ON "inspection_plans" USING btree ("tenant_id","vendor_id","year");--> statement-breakpoint
CREATE INDEX "rectification_notices_open_idx" ON "rectification_notices" USING btree ("tenant_id","deadline") WHERE "rectification_notices"."rectified_at" is null;