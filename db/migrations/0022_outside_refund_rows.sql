CREATE TABLE "outside_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_yen" integer NOT NULL,
	"total_yen" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "outside_refunds_amount_check" CHECK ("outside_refunds"."amount_yen" > 0 and "outside_refunds"."total_yen" >= "outside_refunds"."amount_yen")
);
--> statement-breakpoint
ALTER TABLE "outside_refunds" ADD CONSTRAINT "outside_refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outside_refunds_payment_total" ON "outside_refunds" USING btree ("payment_id","total_yen");--> statement-breakpoint
CREATE INDEX "outside_refunds_at" ON "outside_refunds" USING btree ("at");--> statement-breakpoint
-- What was refunded outside the app before each increase had its own row: one row at the date recorded.
INSERT INTO "outside_refunds" ("payment_id", "amount_yen", "total_yen", "at")
SELECT "id", "refunded_outside_yen", "refunded_outside_yen", "refunded_outside_at"
FROM "payments"
WHERE "refunded_outside_yen" > 0 AND "refunded_outside_at" IS NOT NULL;
