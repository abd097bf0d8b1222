CREATE TABLE "self_service_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"issued_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_service_links_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "self_service_links_tenant_id_unique" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "self_service_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"satisfaction" integer NOT NULL,
	"comment" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "self_service_ratings_order_unique" UNIQUE("tenant_id","order_id"),
	CONSTRAINT "self_service_ratings_satisfaction_positive" CHECK ("self_service_ratings"."satisfaction" >= 1)
);
--> statement-breakpoint
CREATE TABLE "self_service_urges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "self_service_links" ADD CONSTRAINT "self_service_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_service_links" ADD CONSTRAINT "self_service_links_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_service_links" ADD CONSTRAINT "self_service_links_issuer_fk" FOREIGN KEY ("tenant_id","issued_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_service_ratings" ADD CONSTRAINT "self_service_ratings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_service_ratings" ADD CONSTRAINT "self_service_ratings_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_service_ratings" ADD CONSTRAINT "self_service_ratings_link_fk" FOREIGN KEY ("tenant_id","link_id") REFERENCES "public"."self_service_links"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_service_urges" ADD CONSTRAINT "self_service_urges_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_service_urges" ADD CONSTRAINT "self_service_urges_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_service_urges" ADD CONSTRAINT "self_service_urges_link_fk" FOREIGN KEY ("tenant_id","link_id") REFERENCES "public"."self_service_links"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "self_service_links_order_idx" ON "self_service_links" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "self_service_urges_order_at_idx" ON "self_service_urges" USING btree ("tenant_id","order_id","at");