CREATE TABLE "carry_in_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"receipt_number" text NOT NULL,
	"configuration" text NOT NULL,
	"condition" text NOT NULL,
	"accessories" text NOT NULL,
	"receipt_signed_by" text NOT NULL,
	"shelf" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"promised_at" timestamp with time zone NOT NULL,
	"received_by" uuid NOT NULL,
	"stage" text NOT NULL,
	"steps" jsonb NOT NULL,
	"retest_note" text,
	"pickup_signed_by" text,
	"picked_up_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carry_in_records_tenant_order_unique" UNIQUE("tenant_id","order_id"),
	CONSTRAINT "carry_in_records_stage_check" CHECK ("carry_in_records"."stage" in ('received', 'diagnosing', 'repairing', 'ready', 'picked_up'))
);
--> statement-breakpoint
CREATE TABLE "desk_customer_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"confirmed_flags" jsonb,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desk_intakes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"customer_id" uuid,
	"caller_phone" text NOT NULL,
	"request_kind" text NOT NULL,
	"symptom" text NOT NULL,
	"device_portable" boolean NOT NULL,
	"remote_reachable" boolean NOT NULL,
	"description" text NOT NULL,
	"decided_mode" text NOT NULL,
	"rule_id" text NOT NULL,
	"mode" text NOT NULL,
	"order_id" uuid,
	"guidance" text,
	"created_by" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_intakes_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "desk_intakes_channel_check" CHECK ("desk_intakes"."channel" in ('phone', 'web', 'walk_in', 'external')),
	CONSTRAINT "desk_intakes_kind_check" CHECK ("desk_intakes"."request_kind" in ('fault', 'install', 'complaint', 'question', 'paid_request')),
	CONSTRAINT "desk_intakes_symptom_check" CHECK ("desk_intakes"."symptom" in ('misuse', 'software', 'hardware', 'no_service', 'slow', 'other')),
	CONSTRAINT "desk_intakes_decided_mode_check" CHECK ("desk_intakes"."decided_mode" in ('phone_guidance', 'remote', 'on_site', 'carry_in', 'paid_service', 'consultation')),
	CONSTRAINT "desk_intakes_mode_check" CHECK ("desk_intakes"."mode" in ('phone_guidance', 'remote', 'on_site', 'carry_in', 'paid_service', 'consultation'))
);
--> statement-breakpoint
CREATE TABLE "desk_libraries" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"scripts" jsonb NOT NULL,
	"phrases" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desk_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"intake_id" uuid NOT NULL,
	"order_id" uuid,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"question" text NOT NULL,
	"result" text,
	"due_fired_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_tasks_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "desk_tasks_kind_check" CHECK ("desk_tasks"."kind" in ('guidance_callback', 'knowledge_reply')),
	CONSTRAINT "desk_tasks_state_check" CHECK ("desk_tasks"."state" in ('open', 'done'))
);
--> statement-breakpoint
ALTER TABLE "carry_in_records" ADD CONSTRAINT "carry_in_records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carry_in_records" ADD CONSTRAINT "carry_in_records_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carry_in_records" ADD CONSTRAINT "carry_in_records_received_by_fk" FOREIGN KEY ("tenant_id","received_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_customer_messages" ADD CONSTRAINT "desk_customer_messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_customer_messages" ADD CONSTRAINT "desk_customer_messages_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_customer_messages" ADD CONSTRAINT "desk_customer_messages_author_fk" FOREIGN KEY ("tenant_id","author_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_intakes" ADD CONSTRAINT "desk_intakes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_intakes" ADD CONSTRAINT "desk_intakes_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_intakes" ADD CONSTRAINT "desk_intakes_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_intakes" ADD CONSTRAINT "desk_intakes_created_by_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_libraries" ADD CONSTRAINT "desk_libraries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_tasks" ADD CONSTRAINT "desk_tasks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_tasks" ADD CONSTRAINT "desk_tasks_intake_fk" FOREIGN KEY ("tenant_id","intake_id") REFERENCES "public"."desk_intakes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_tasks" ADD CONSTRAINT "desk_tasks_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_tasks" ADD CONSTRAINT "desk_tasks_done_by_fk" FOREIGN KEY ("tenant_id","done_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carry_in_records_stage_idx" ON "carry_in_records" USING btree ("tenant_id","stage","promised_at");--> statement-breakpoint
CREATE INDEX "desk_customer_messages_order_idx" ON "desk_customer_messages" USING btree ("tenant_id","order_id","at");--> statement-breakpoint
CREATE INDEX "desk_intakes_customer_idx" ON "desk_intakes" USING btree ("tenant_id","customer_id","at");--> statement-breakpoint
CREATE INDEX "desk_tasks_queue_idx" ON "desk_tasks" USING btree ("tenant_id","state","due_at");