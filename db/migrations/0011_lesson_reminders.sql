CREATE TABLE "course_lesson_reminders" (
	"lesson_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "course_lesson_reminders_once" PRIMARY KEY("lesson_id","enrollment_id","starts_at")
);
--> statement-breakpoint
ALTER TABLE "course_cohorts" ADD COLUMN "calendar_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "course_lesson_reminders" ADD CONSTRAINT "course_lesson_reminders_lesson_id_course_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."course_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_lesson_reminders" ADD CONSTRAINT "course_lesson_reminders_enrollment_id_course_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."course_enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_lesson_reminders_enrollment" ON "course_lesson_reminders" USING btree ("enrollment_id");