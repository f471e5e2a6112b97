CREATE TABLE "payment_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"konbini_enabled" boolean DEFAULT false NOT NULL,
	"paypay_enabled" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_settings_singleton" CHECK ("payment_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "method" text;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_method_check" CHECK ("payments"."method" is null or "payments"."method" in ('card', 'konbini', 'paypay'));--> statement-breakpoint
-- Until now Checkout offered card only: every payment already made was by card.
UPDATE "payments" SET "method" = 'card' WHERE "paid_at" IS NOT NULL;
