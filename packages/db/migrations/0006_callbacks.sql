CREATE TABLE "callback_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"result" text NOT NULL,
	"call_back_at" timestamp with time zone,
	"note" text,
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "callback_attempts_task_seq_unique" UNIQUE("task_id","seq"),
	CONSTRAINT "callback_attempts_result_check" CHECK ("callback_attempts"."result" in ('reached', 'no_answer', 'busy', 'call_back_later'))
);
--> statement-breakpoint
CREATE TABLE "callback_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"station_id" uuid,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"rule_key" text NOT NULL,
	"rule_id" text NOT NULL,
	"rules_id" text NOT NULL,
	"rules_version" integer NOT NULL,
	"reason" jsonb NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"blocks_close" boolean NOT NULL,
	"state" text NOT NULL,
	"unanswered_attempts" integer DEFAULT 0 NOT NULL,
	"call_back_at" timestamp with time zone,
	"satisfaction" text,
	"problem_solved" boolean,
	"root_cause" text,
	"suggestion" text,
	"remark" text,
	"improvement_action" jsonb,
	"consequence" text,
	"finished_at" timestamp with time zone,
	"finished_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "callback_tasks_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "callback_tasks_state_check" CHECK ("callback_tasks"."state" in ('open', 'done', 'unreachable')),
	CONSTRAINT "callback_tasks_kind_check" CHECK ("callback_tasks"."kind" in ('satisfaction', 'spot_check')),
	CONSTRAINT "callback_tasks_due_check" CHECK ("callback_tasks"."due_at" > "callback_tasks"."not_before")
);
--> statement-breakpoint
ALTER TABLE "callback_attempts" ADD CONSTRAINT "callback_attempts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_attempts" ADD CONSTRAINT "callback_attempts_task_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."callback_tasks"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_attempts" ADD CONSTRAINT "callback_attempts_actor_fk" FOREIGN KEY ("tenant_id","actor_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_tasks" ADD CONSTRAINT "callback_tasks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_tasks" ADD CONSTRAINT "callback_tasks_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_tasks" ADD CONSTRAINT "callback_tasks_finished_by_fk" FOREIGN KEY ("tenant_id","finished_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "callback_tasks_open_key_unique" ON "callback_tasks" USING btree ("tenant_id","key") WHERE "callback_tasks"."state" = 'open';--> statement-breakpoint
CREATE INDEX "callback_tasks_queue_idx" ON "callback_tasks" USING btree ("tenant_id","state","due_at","id");--> statement-breakpoint
CREATE INDEX "callback_tasks_order_idx" ON "callback_tasks" USING btree ("tenant_id","order_id");