CREATE TABLE "work_order_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"caption" text,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_order_attachments_kind_check" CHECK ("work_order_attachments"."kind" in ('photo', 'speed_test', 'document')),
	CONSTRAINT "work_order_attachments_size_check" CHECK ("work_order_attachments"."byte_size" > 0)
);
--> statement-breakpoint
CREATE TABLE "work_order_checklist_ticks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"step" text NOT NULL,
	"done_at" timestamp with time zone NOT NULL,
	"done_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_order_checklist_ticks_step_unique" UNIQUE("order_id","step")
);
--> statement-breakpoint
CREATE TABLE "work_order_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"satisfaction" integer NOT NULL,
	"comment" text,
	"declined_to_sign" boolean NOT NULL,
	"signature" "bytea",
	"signature_type" text,
	"confirmed_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_order_confirmations_order_unique" UNIQUE("order_id"),
	CONSTRAINT "work_order_confirmations_signature_check" CHECK (("work_order_confirmations"."declined_to_sign" and "work_order_confirmations"."signature" is null) or (not "work_order_confirmations"."declined_to_sign" and "work_order_confirmations"."signature" is not null))
);
--> statement-breakpoint
CREATE TABLE "work_order_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"backup_confirmed" boolean DEFAULT false NOT NULL,
	"quoted_price_fen" integer,
	"note" text,
	"signature" "bytea" NOT NULL,
	"signature_type" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_order_consents_price_check" CHECK ("work_order_consents"."quoted_price_fen" is null or "work_order_consents"."quoted_price_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_by_fk" FOREIGN KEY ("tenant_id","uploaded_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_checklist_ticks" ADD CONSTRAINT "work_order_checklist_ticks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_checklist_ticks" ADD CONSTRAINT "work_order_checklist_ticks_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_checklist_ticks" ADD CONSTRAINT "work_order_checklist_ticks_by_fk" FOREIGN KEY ("tenant_id","done_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_confirmations" ADD CONSTRAINT "work_order_confirmations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_confirmations" ADD CONSTRAINT "work_order_confirmations_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_confirmations" ADD CONSTRAINT "work_order_confirmations_by_fk" FOREIGN KEY ("tenant_id","recorded_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_consents" ADD CONSTRAINT "work_order_consents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_consents" ADD CONSTRAINT "work_order_consents_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_consents" ADD CONSTRAINT "work_order_consents_by_fk" FOREIGN KEY ("tenant_id","recorded_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "work_order_attachments_order_idx" ON "work_order_attachments" USING btree ("tenant_id","order_id","kind");--> statement-breakpoint
CREATE INDEX "work_order_consents_order_idx" ON "work_order_consents" USING btree ("tenant_id","order_id");