CREATE TABLE "stock_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"vendor_id" uuid,
	"minimum" integer NOT NULL,
	"on_hand_at_raise" integer NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"resolved_at" timestamp with time zone,
	"missed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_thresholds" (
	"tenant_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"minimum" integer NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_thresholds_pk" PRIMARY KEY("tenant_id","location_id","item_id"),
	CONSTRAINT "stock_thresholds_minimum_check" CHECK ("stock_thresholds"."minimum" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"collected_by" uuid NOT NULL,
	"method" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"currency" text NOT NULL,
	"receipt_no" text,
	"invoice_to_follow" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_method_check" CHECK ("payments"."method" in ('cash', 'wechat', 'alipay', 'card', 'transfer')),
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount_fen" > 0),
	CONSTRAINT "payments_receipt_check" CHECK ("payments"."receipt_no" is not null or "payments"."invoice_to_follow")
);
--> statement-breakpoint
CREATE TABLE "price_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"price_fen" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_items_tenant_code_unique" UNIQUE("tenant_id","code"),
	CONSTRAINT "price_items_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "price_items_kind_check" CHECK ("price_items"."kind" in ('labour', 'part', 'visit', 'software')),
	CONSTRAINT "price_items_price_check" CHECK ("price_items"."price_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "quote_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"price_item_id" uuid NOT NULL,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_fen" integer NOT NULL,
	"line_total_fen" integer NOT NULL,
	"basis" text NOT NULL,
	CONSTRAINT "quote_lines_total_check" CHECK ("quote_lines"."line_total_fen" = "quote_lines"."unit_price_fen" * "quote_lines"."quantity" and "quote_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"status" text NOT NULL,
	"total_fen" integer NOT NULL,
	"currency" text NOT NULL,
	"in_warranty" boolean NOT NULL,
	"warranty" text,
	"created_by" uuid NOT NULL,
	"quoted_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"signature" text,
	"policy_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotes_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "quotes_status_check" CHECK ("quotes"."status" in ('proposed', 'accepted', 'declined')),
	CONSTRAINT "quotes_total_check" CHECK ("quotes"."total_fen" >= 0),
	CONSTRAINT "quotes_signed_check" CHECK ("quotes"."status" <> 'accepted' or "quotes"."total_fen" = 0 or "quotes"."signature" is not null)
);
--> statement-breakpoint
CREATE TABLE "take_backs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"device" text NOT NULL,
	"serial" text,
	"config_notes" text NOT NULL,
	"data_notes" text NOT NULL,
	"promised_return_date" date NOT NULL,
	"receipt_signature" text NOT NULL,
	"loaner_unit_id" uuid,
	"taken_by" uuid NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"returned_by" uuid,
	"returned_at" timestamp with time zone,
	"return_signature" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "take_backs_status_check" CHECK ("take_backs"."status" in ('out', 'returned')),
	CONSTRAINT "take_backs_returned_check" CHECK (("take_backs"."status" = 'returned') = ("take_backs"."returned_at" is not null and "take_backs"."return_signature" is not null))
);
--> statement-breakpoint
ALTER TABLE "stock_alerts" ADD CONSTRAINT "stock_alerts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_alerts" ADD CONSTRAINT "stock_alerts_location_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."stock_locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_alerts" ADD CONSTRAINT "stock_alerts_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."part_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_alerts" ADD CONSTRAINT "stock_alerts_vendor_fk" FOREIGN KEY ("tenant_id","vendor_id") REFERENCES "public"."vendors"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_alerts" ADD CONSTRAINT "stock_alerts_ack_by_fk" FOREIGN KEY ("tenant_id","acknowledged_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_thresholds" ADD CONSTRAINT "stock_thresholds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_thresholds" ADD CONSTRAINT "stock_thresholds_location_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."stock_locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_thresholds" ADD CONSTRAINT "stock_thresholds_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."part_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_thresholds" ADD CONSTRAINT "stock_thresholds_set_by_fk" FOREIGN KEY ("tenant_id","set_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_quote_fk" FOREIGN KEY ("tenant_id","quote_id") REFERENCES "public"."quotes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_collected_by_fk" FOREIGN KEY ("tenant_id","collected_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_items" ADD CONSTRAINT "price_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_quote_fk" FOREIGN KEY ("tenant_id","quote_id") REFERENCES "public"."quotes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_price_item_fk" FOREIGN KEY ("tenant_id","price_item_id") REFERENCES "public"."price_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_created_by_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "take_backs" ADD CONSTRAINT "take_backs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "take_backs" ADD CONSTRAINT "take_backs_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "take_backs" ADD CONSTRAINT "take_backs_loaner_fk" FOREIGN KEY ("tenant_id","loaner_unit_id") REFERENCES "public"."part_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "take_backs" ADD CONSTRAINT "take_backs_taken_by_fk" FOREIGN KEY ("tenant_id","taken_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "take_backs" ADD CONSTRAINT "take_backs_returned_by_fk" FOREIGN KEY ("tenant_id","returned_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stock_alerts_open_unique" ON "stock_alerts" USING btree ("tenant_id","location_id","item_id") WHERE "stock_alerts"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "stock_alerts_vendor_idx" ON "stock_alerts" USING btree ("tenant_id","vendor_id","raised_at");--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "payments_collector_idx" ON "payments" USING btree ("tenant_id","collected_by","at");--> statement-breakpoint
CREATE INDEX "quote_lines_quote_idx" ON "quote_lines" USING btree ("tenant_id","quote_id");--> statement-breakpoint
CREATE INDEX "quotes_order_idx" ON "quotes" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "take_backs_order_idx" ON "take_backs" USING btree ("tenant_id","order_id");--> statement-breakpoint
-- PART-01: stock_movements (the stock ledger) is append-only like work_order_events (0001). A wrong
-- movement is corrected by a new, opposite movement; UPDATE, DELETE and TRUNCATE are refused by the
-- database itself. Hand-written (drizzle-kit cannot express triggers); plpgsql shared by PGlite and PG 15.
CREATE FUNCTION stock_movements_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stock_movements is append-only: % refused', TG_OP
    USING ERRCODE = 'restrict_violation',
          HINT = 'Record a correcting movement instead (PART-01).';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER stock_movements_append_only
  BEFORE UPDATE OR DELETE ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION stock_movements_refuse_change();
--> statement-breakpoint
CREATE TRIGGER stock_movements_no_truncate
  BEFORE TRUNCATE ON stock_movements
  FOR EACH STATEMENT EXECUTE FUNCTION stock_movements_refuse_change();
