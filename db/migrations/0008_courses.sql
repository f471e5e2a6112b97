CREATE TABLE "course_cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	"price_yen" integer NOT NULL,
	"registration_deadline" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_cohorts_capacity_check" CHECK ("course_cohorts"."capacity" between 1 and 1000),
	CONSTRAINT "course_cohorts_price_check" CHECK ("course_cohorts"."price_yen" > 0),
	CONSTRAINT "course_cohorts_status_check" CHECK ("course_cohorts"."status" in ('open', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "course_enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"client_id" uuid,
	"status" text DEFAULT 'held' NOT NULL,
	"hold_expires_at" timestamp with time zone,
	"price_yen" integer NOT NULL,
	"application_answer" text DEFAULT '' NOT NULL,
	"full_refund_until_days_before" integer,
	"policy_agreed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_enrollments_status_check" CHECK ("course_enrollments"."status" in ('held', 'enrolled', 'cancelled', 'expired')),
	CONSTRAINT "course_enrollments_hold_has_expiry" CHECK ("course_enrollments"."status" <> 'held' or "course_enrollments"."hold_expires_at" is not null),
	CONSTRAINT "course_enrollments_price_check" CHECK ("course_enrollments"."price_yen" > 0)
);
--> statement-breakpoint
CREATE TABLE "course_lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"meeting_url" text,
	"materials" text DEFAULT '' NOT NULL,
	"materials_release_at" timestamp with time zone NOT NULL,
	CONSTRAINT "course_lessons_time_order" CHECK ("course_lessons"."starts_at" < "course_lessons"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "course_waitlist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"client_id" uuid,
	"status" text DEFAULT 'waiting' NOT NULL,
	"enrollment_id" uuid,
	"offered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_waitlist_status_check" CHECK ("course_waitlist"."status" in ('waiting', 'offered', 'accepted', 'lapsed', 'left', 'closed')),
	CONSTRAINT "course_waitlist_offer_has_seat" CHECK ("course_waitlist"."status" <> 'offered' or "course_waitlist"."enrollment_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"application_question" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "enrollment_id" uuid;--> statement-breakpoint
ALTER TABLE "course_cohorts" ADD CONSTRAINT "course_cohorts_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD CONSTRAINT "course_enrollments_cohort_id_course_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."course_cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD CONSTRAINT "course_enrollments_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_lessons" ADD CONSTRAINT "course_lessons_cohort_id_course_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."course_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_waitlist" ADD CONSTRAINT "course_waitlist_cohort_id_course_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."course_cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_waitlist" ADD CONSTRAINT "course_waitlist_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_waitlist" ADD CONSTRAINT "course_waitlist_enrollment_id_course_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."course_enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_cohorts_course" ON "course_cohorts" USING btree ("course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "course_enrollments_one_live_seat" ON "course_enrollments" USING btree ("cohort_id","client_id") WHERE "course_enrollments"."status" in ('held', 'enrolled');--> statement-breakpoint
CREATE INDEX "course_enrollments_cohort" ON "course_enrollments" USING btree ("cohort_id","status");--> statement-breakpoint
CREATE INDEX "course_enrollments_client" ON "course_enrollments" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "course_enrollments_live_holds" ON "course_enrollments" USING btree ("hold_expires_at") WHERE "course_enrollments"."status" = 'held';--> statement-breakpoint
CREATE INDEX "course_lessons_cohort" ON "course_lessons" USING btree ("cohort_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "course_waitlist_one_place" ON "course_waitlist" USING btree ("cohort_id","client_id") WHERE "course_waitlist"."status" in ('waiting', 'offered');--> statement-breakpoint
CREATE INDEX "course_waitlist_line" ON "course_waitlist" USING btree ("cohort_id","status","created_at");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_enrollment_id_course_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."course_enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_enrollment" ON "payments" USING btree ("enrollment_id");--> statement-breakpoint
-- Earlier code could leave two pending checkouts for one booking (a double click); keep the newest.
UPDATE "payments" AS p SET "status" = 'expired' WHERE p."status" = 'pending' AND p."booking_id" IS NOT NULL AND EXISTS (SELECT 1 FROM "payments" AS q WHERE q."booking_id" = p."booking_id" AND q."status" = 'pending' AND (q."created_at", q."id") > (p."created_at", p."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_pending_per_booking" ON "payments" USING btree ("booking_id") WHERE "payments"."status" = 'pending' and "payments"."booking_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_pending_per_enrollment" ON "payments" USING btree ("enrollment_id") WHERE "payments"."status" = 'pending' and "payments"."enrollment_id" is not null;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_purpose_check" CHECK (("payments"."purpose" = 'booking' and "payments"."enrollment_id" is null) or ("payments"."purpose" = 'course' and "payments"."booking_id" is null));