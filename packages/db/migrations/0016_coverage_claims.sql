CREATE TABLE "coverage_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"claimed_by" uuid NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"drop_cable_m" integer,
	"demand_confirmed" boolean,
	"contradicts_map" boolean NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"due_at" timestamp with time zone,
	"assessment_case_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"close_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coverage_claims_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "coverage_claims_kind_check" CHECK ("coverage_claims"."kind" in ('uncovered_address', 'network_supplement')),
	CONSTRAINT "coverage_claims_state_check" CHECK ("coverage_claims"."state" in ('claimed', 'confirmed', 'rejected', 'closed')),
	CONSTRAINT "coverage_claims_drop_check" CHECK ("coverage_claims"."drop_cable_m" is null or "coverage_claims"."drop_cable_m" >= 0)
);
--> statement-breakpoint
ALTER TABLE "coverage_claims" ADD CONSTRAINT "coverage_claims_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_claims" ADD CONSTRAINT "coverage_claims_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_claims" ADD CONSTRAINT "coverage_claims_claimed_by_fk" FOREIGN KEY ("tenant_id","claimed_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_claims" ADD CONSTRAINT "coverage_claims_decided_by_fk" FOREIGN KEY ("tenant_id","decided_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_claims" ADD CONSTRAINT "coverage_claims_closed_by_fk" FOREIGN KEY ("tenant_id","closed_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coverage_claims_order_idx" ON "coverage_claims" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "coverage_claims_queue_idx" ON "coverage_claims" USING btree ("tenant_id","state","due_at");