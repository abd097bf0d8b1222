ALTER TABLE "customers" ADD COLUMN "contract_id" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "contract_id" text;