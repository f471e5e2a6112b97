ALTER TABLE "bookings" DROP CONSTRAINT "bookings_status_check";--> statement-breakpoint
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_hold_has_expiry";--> statement-breakpoint
ALTER TABLE "course_enrollments" DROP CONSTRAINT "course_enrollments_status_check";--> statement-breakpoint
ALTER TABLE "course_enrollments" DROP CONSTRAINT "course_enrollments_hold_has_expiry";--> statement-breakpoint
DROP INDEX "bookings_live_holds";--> statement-breakpoint
DROP INDEX "course_enrollments_one_live_seat";--> statement-breakpoint
DROP INDEX "course_enrollments_live_holds";--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "voucher_url" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "voucher_number" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "payment_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "due_reminder_sent_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "payments_due" ON "payments" USING btree ("payment_due_at") WHERE "payments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "bookings_live_holds" ON "bookings" USING btree ("hold_expires_at") WHERE "bookings"."status" in ('held', 'awaiting_payment');--> statement-breakpoint
CREATE UNIQUE INDEX "course_enrollments_one_live_seat" ON "course_enrollments" USING btree ("cohort_id","client_id") WHERE "course_enrollments"."status" in ('held', 'awaiting_payment', 'enrolled');--> statement-breakpoint
CREATE INDEX "course_enrollments_live_holds" ON "course_enrollments" USING btree ("hold_expires_at") WHERE "course_enrollments"."status" in ('held', 'awaiting_payment');--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_status_check" CHECK ("bookings"."status" in ('held', 'awaiting_payment', 'confirmed', 'cancelled', 'completed', 'no_show', 'expired'));--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_hold_has_expiry" CHECK ("bookings"."status" not in ('held', 'awaiting_payment') or "bookings"."hold_expires_at" is not null);--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD CONSTRAINT "course_enrollments_status_check" CHECK ("course_enrollments"."status" in ('held', 'awaiting_payment', 'enrolled', 'cancelled', 'expired'));--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD CONSTRAINT "course_enrollments_hold_has_expiry" CHECK ("course_enrollments"."status" not in ('held', 'awaiting_payment') or "course_enrollments"."hold_expires_at" is not null);