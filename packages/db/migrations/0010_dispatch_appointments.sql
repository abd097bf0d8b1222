CREATE TABLE "appointment_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"call_back_at" timestamp with time zone,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_calls_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "appointment_calls_outcome_check" CHECK ("appointment_calls"."outcome" in ('reached', 'no_answer', 'busy', 'call_back')),
	CONSTRAINT "appointment_calls_call_back_check" CHECK (("appointment_calls"."outcome" = 'call_back') = ("appointment_calls"."call_back_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "appointment_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"asked_by" text NOT NULL,
	"reason" text NOT NULL,
	"previous_start" timestamp with time zone,
	"previous_end" timestamp with time zone,
	"new_start" timestamp with time zone NOT NULL,
	"new_end" timestamp with time zone NOT NULL,
	"required_notice_minutes" integer,
	"short_by_minutes" integer DEFAULT 0 NOT NULL,
	"breach" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_changes_asked_by_check" CHECK ("appointment_changes"."asked_by" in ('customer', 'us')),
	CONSTRAINT "appointment_changes_window_check" CHECK ("appointment_changes"."new_end" > "appointment_changes"."new_start")
);
--> statement-breakpoint
CREATE TABLE "appointment_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"assignee_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"fired_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_follow_ups_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "appointment_follow_ups_state_check" CHECK ("appointment_follow_ups"."state" in ('open', 'done'))
);
--> statement-breakpoint
CREATE TABLE "engineer_areas" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "engineer_areas_pk" PRIMARY KEY("tenant_id","person_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "engineer_bases" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engineer_bases_pk" PRIMARY KEY("tenant_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "planned_visits" (
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"engineer_id" uuid NOT NULL,
	"day" date NOT NULL,
	"seq" integer NOT NULL,
	"planned_start" timestamp with time zone,
	"planned_end" timestamp with time zone,
	"source" text NOT NULL,
	"explanation" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planned_visits_pk" PRIMARY KEY("tenant_id","order_id"),
	CONSTRAINT "planned_visits_source_check" CHECK ("planned_visits"."source" in ('plan', 'manual')),
	CONSTRAINT "planned_visits_seq_check" CHECK ("planned_visits"."seq" >= 0)
);
--> statement-breakpoint
ALTER TABLE "appointment_calls" ADD CONSTRAINT "appointment_calls_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_calls" ADD CONSTRAINT "appointment_calls_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_calls" ADD CONSTRAINT "appointment_calls_actor_fk" FOREIGN KEY ("tenant_id","actor_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_changes" ADD CONSTRAINT "appointment_changes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_changes" ADD CONSTRAINT "appointment_changes_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_changes" ADD CONSTRAINT "appointment_changes_actor_fk" FOREIGN KEY ("tenant_id","actor_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_follow_ups" ADD CONSTRAINT "appointment_follow_ups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_follow_ups" ADD CONSTRAINT "appointment_follow_ups_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_follow_ups" ADD CONSTRAINT "appointment_follow_ups_call_fk" FOREIGN KEY ("tenant_id","call_id") REFERENCES "public"."appointment_calls"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_follow_ups" ADD CONSTRAINT "appointment_follow_ups_assignee_fk" FOREIGN KEY ("tenant_id","assignee_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineer_areas" ADD CONSTRAINT "engineer_areas_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineer_areas" ADD CONSTRAINT "engineer_areas_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineer_areas" ADD CONSTRAINT "engineer_areas_area_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineer_bases" ADD CONSTRAINT "engineer_bases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineer_bases" ADD CONSTRAINT "engineer_bases_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_visits" ADD CONSTRAINT "planned_visits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_visits" ADD CONSTRAINT "planned_visits_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_visits" ADD CONSTRAINT "planned_visits_engineer_fk" FOREIGN KEY ("tenant_id","engineer_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_calls_order_idx" ON "appointment_calls" USING btree ("tenant_id","order_id","at");--> statement-breakpoint
CREATE INDEX "appointment_changes_order_idx" ON "appointment_changes" USING btree ("tenant_id","order_id","at");--> statement-breakpoint
CREATE INDEX "appointment_follow_ups_due_idx" ON "appointment_follow_ups" USING btree ("tenant_id","assignee_id","state","due_at");--> statement-breakpoint
CREATE INDEX "appointment_follow_ups_order_idx" ON "appointment_follow_ups" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "planned_visits_day_idx" ON "planned_visits" USING btree ("tenant_id","engineer_id","day","seq");