ALTER TABLE "payments" DROP CONSTRAINT "payments_purpose_check";--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_booking_id_bookings_id_fk";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_enrollment_id_course_enrollments_id_fk";
--> statement-breakpoint
DROP INDEX "payments_booking";--> statement-breakpoint
DROP INDEX "payments_enrollment";--> statement-breakpoint
DROP INDEX "payments_one_pending_per_booking";--> statement-breakpoint
DROP INDEX "payments_one_pending_per_enrollment";--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "reference_id" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "payments_reference" ON "payments" USING btree ("purpose","reference_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_pending_per_reference" ON "payments" USING btree ("purpose","reference_id") WHERE "payments"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "payments" DROP COLUMN "booking_id";--> statement-breakpoint
ALTER TABLE "payments" DROP COLUMN "enrollment_id";