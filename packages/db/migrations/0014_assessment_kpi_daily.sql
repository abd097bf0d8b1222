CREATE TABLE "assessment_case_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_person_id" uuid NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_case_history_seq_unique" UNIQUE("case_id","seq"),
	CONSTRAINT "assessment_case_history_kind_check" CHECK ("assessment_case_history"."kind" in ('disputed', 'review_started', 'upheld', 'reversed'))
);
--> statement-breakpoint
CREATE TABLE "assessment_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source_key" text NOT NULL,
	"event_kind" text NOT NULL,
	"vendor_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"person_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"evidence" jsonb NOT NULL,
	"note" text,
	"rule_id" text,
	"rules_id" text NOT NULL,
	"rules_version" integer NOT NULL,
	"lines" jsonb NOT NULL,
	"state" text DEFAULT 'assessed' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_cases_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "assessment_cases_source_unique" UNIQUE("tenant_id","source_key"),
	CONSTRAINT "assessment_cases_state_check" CHECK ("assessment_cases"."state" in ('assessed', 'disputed', 'in_review', 'upheld', 'reversed'))
);
--> statement-breakpoint
CREATE TABLE "kpi_daily" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kpi_key" text NOT NULL,
	"vendor_id" uuid NOT NULL,
	"station_id" uuid,
	"area_id" uuid,
	"holder_id" uuid,
	"numerator" double precision NOT NULL,
	"denominator" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_case_history" ADD CONSTRAINT "assessment_case_history_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_case_history" ADD CONSTRAINT "assessment_case_history_case_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."assessment_cases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_case_history" ADD CONSTRAINT "assessment_case_history_by_fk" FOREIGN KEY ("tenant_id","by_person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_cases" ADD CONSTRAINT "assessment_cases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_cases" ADD CONSTRAINT "assessment_cases_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_cases" ADD CONSTRAINT "assessment_cases_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD CONSTRAINT "kpi_daily_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_cases_ledger_idx" ON "assessment_cases" USING btree ("tenant_id","vendor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "assessment_cases_order_idx" ON "assessment_cases" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "kpi_daily_tenant_day_idx" ON "kpi_daily" USING btree ("tenant_id","day");--> statement-breakpoint
CREATE INDEX "kpi_daily_station_day_idx" ON "kpi_daily" USING btree ("tenant_id","station_id","day");