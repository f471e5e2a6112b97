-- Payments become a leaf: what a payment is for is a generic (purpose, reference_id) instead of
-- one foreign key per thing sold. The existing rows keep what they paid for.
ALTER TABLE "payments" ADD COLUMN "reference_id" uuid;--> statement-breakpoint
UPDATE "payments" SET "reference_id" = coalesce("booking_id", "enrollment_id");
