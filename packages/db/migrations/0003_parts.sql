CREATE TABLE "borrow_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"engineer_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"override_by" uuid,
	"override_reason" text,
	"policy_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "borrow_cards_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "borrow_cards_override_check" CHECK (("borrow_cards"."override_by" is null) = ("borrow_cards"."override_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "borrow_failures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"engineer_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"requested_by" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "borrow_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"card_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"unit_id" uuid,
	"quantity" integer NOT NULL,
	"returned" integer DEFAULT 0 NOT NULL,
	"consumed" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "borrow_lines_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "borrow_lines_settled_check" CHECK ("borrow_lines"."quantity" > 0 and "borrow_lines"."returned" >= 0 and "borrow_lines"."consumed" >= 0 and "borrow_lines"."returned" + "borrow_lines"."consumed" <= "borrow_lines"."quantity")
);
--> statement-breakpoint
CREATE TABLE "part_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"tracking" text NOT NULL,
	"unit_of_measure" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "part_items_tenant_code_unique" UNIQUE("tenant_id","code"),
	CONSTRAINT "part_items_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "part_items_tracking_check" CHECK ("part_items"."tracking" in ('bulk', 'serialised'))
);
--> statement-breakpoint
CREATE TABLE "part_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"serial" text NOT NULL,
	"mac" text,
	"location_id" uuid NOT NULL,
	"condition" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "part_units_tenant_serial_unique" UNIQUE("tenant_id","serial"),
	CONSTRAINT "part_units_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "part_units_condition_check" CHECK ("part_units"."condition" in ('good', 'faulty'))
);
--> statement-breakpoint
CREATE TABLE "parts_waivers" (
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"waived_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "parts_waivers_pk" PRIMARY KEY("tenant_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "stock_balances" (
	"tenant_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"condition" text NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "stock_balances_pk" PRIMARY KEY("tenant_id","location_id","item_id","condition"),
	CONSTRAINT "stock_balances_quantity_check" CHECK ("stock_balances"."quantity" >= 0),
	CONSTRAINT "stock_balances_condition_check" CHECK ("stock_balances"."condition" in ('good', 'faulty'))
);
--> statement-breakpoint
CREATE TABLE "stock_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"vendor_id" uuid,
	"unit_id" uuid,
	"person_id" uuid,
	"customer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_locations_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "stock_locations_kind_check" CHECK ("stock_locations"."kind" in ('central', 'station', 'van', 'customer', 'scrapped'))
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"unit_id" uuid,
	"quantity" integer NOT NULL,
	"from_location_id" uuid,
	"to_location_id" uuid,
	"from_condition" text,
	"to_condition" text,
	"order_id" uuid,
	"borrow_line_id" uuid,
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_kind_check" CHECK ("stock_movements"."kind" in ('receive', 'transfer', 'borrow', 'return', 'consume', 'install', 'recover', 'scrap')),
	CONSTRAINT "stock_movements_quantity_check" CHECK ("stock_movements"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "borrow_cards" ADD CONSTRAINT "borrow_cards_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borrow_cards" ADD CONSTRAINT "borrow_cards_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borrow_cards" ADD CONSTRAINT "borrow_cards_engineer_fk" FOREIGN KEY ("tenant_id","engineer_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borrow_cards" ADD CONSTRAINT "borrow_cards_store_fk" FOREIGN KEY ("tenant_id","store_id") REFERENCES "public"."stock_locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borrow_cards" ADD CONSTRAINT "borrow_cards_issued_by_fk" FOREIGN KEY ("tenant_id","issued_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borrow_failures" ADD CONSTRAINT "borrow_failures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borrow_failures" ADD CONSTRAINT "borrow_failures_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borrow_failures" ADD CONSTRAINT "borrow_failures_engineer_fk" FOREIGN KEY ("tenant_id","engineer_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borrow_failures" ADD CONSTRAINT "borrow_failures_store_fk" FOREIGN KEY ("tenant_id","store_id") REFERENCES "public"."stock_locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borrow_failures" ADD CONSTRAINT "borrow_failures_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."part_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borrow_lines" ADD CONSTRAINT "borrow_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borrow_lines" ADD CONSTRAINT "borrow_lines_card_fk" FOREIGN KEY ("tenant_id","card_id") REFERENCES "public"."borrow_cards"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borrow_lines" ADD CONSTRAINT "borrow_lines_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."part_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borrow_lines" ADD CONSTRAINT "borrow_lines_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."part_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_items" ADD CONSTRAINT "part_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_units" ADD CONSTRAINT "part_units_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_units" ADD CONSTRAINT "part_units_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."part_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_units" ADD CONSTRAINT "part_units_location_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."stock_locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parts_waivers" ADD CONSTRAINT "parts_waivers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parts_waivers" ADD CONSTRAINT "parts_waivers_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parts_waivers" ADD CONSTRAINT "parts_waivers_by_fk" FOREIGN KEY ("tenant_id","waived_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_balances" ADD CONSTRAINT "stock_balances_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_balances" ADD CONSTRAINT "stock_balances_location_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."stock_locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_balances" ADD CONSTRAINT "stock_balances_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."part_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_locations" ADD CONSTRAINT "stock_locations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_locations" ADD CONSTRAINT "stock_locations_vendor_fk" FOREIGN KEY ("tenant_id","vendor_id") REFERENCES "public"."vendors"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_locations" ADD CONSTRAINT "stock_locations_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_locations" ADD CONSTRAINT "stock_locations_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_locations" ADD CONSTRAINT "stock_locations_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."part_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."part_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_from_fk" FOREIGN KEY ("tenant_id","from_location_id") REFERENCES "public"."stock_locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_to_fk" FOREIGN KEY ("tenant_id","to_location_id") REFERENCES "public"."stock_locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_line_fk" FOREIGN KEY ("tenant_id","borrow_line_id") REFERENCES "public"."borrow_lines"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_actor_fk" FOREIGN KEY ("tenant_id","actor_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "borrow_cards_order_idx" ON "borrow_cards" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "borrow_cards_engineer_idx" ON "borrow_cards" USING btree ("tenant_id","engineer_id");--> statement-breakpoint
CREATE INDEX "borrow_failures_store_idx" ON "borrow_failures" USING btree ("tenant_id","store_id","at");--> statement-breakpoint
CREATE INDEX "borrow_lines_card_idx" ON "borrow_lines" USING btree ("tenant_id","card_id");--> statement-breakpoint
CREATE INDEX "part_units_location_idx" ON "part_units" USING btree ("tenant_id","location_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_locations_van_unique" ON "stock_locations" USING btree ("tenant_id","person_id") WHERE "stock_locations"."kind" = 'van';--> statement-breakpoint
CREATE UNIQUE INDEX "stock_locations_customer_unique" ON "stock_locations" USING btree ("tenant_id","customer_id") WHERE "stock_locations"."kind" = 'customer';--> statement-breakpoint
CREATE INDEX "stock_locations_vendor_idx" ON "stock_locations" USING btree ("tenant_id","vendor_id");--> statement-breakpoint
CREATE INDEX "stock_movements_item_idx" ON "stock_movements" USING btree ("tenant_id","item_id","at");--> statement-breakpoint
CREATE INDEX "stock_movements_order_idx" ON "stock_movements" USING btree ("tenant_id","order_id");