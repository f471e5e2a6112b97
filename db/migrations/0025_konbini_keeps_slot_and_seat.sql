-- A booking awaiting a konbini payment keeps its slot like a hold: the exclusion constraint
-- covers 'awaiting_payment' too, so nobody else can take the time until the voucher's deadline.
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_no_overlap";
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist (tstzrange("starts_at", "blocked_until", '[)') WITH &&)
  WHERE ("status" IN ('held', 'awaiting_payment', 'confirmed'));
--> statement-breakpoint
-- A seat awaiting a konbini payment counts against the cohort's capacity like a held one.
CREATE OR REPLACE FUNCTION "course_seats_within_capacity"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap integer;
  taken integer;
BEGIN
  SELECT "capacity" INTO cap FROM "course_cohorts" WHERE "id" = NEW."cohort_id" FOR UPDATE;
  SELECT count(*) INTO taken FROM "course_enrollments"
    WHERE "cohort_id" = NEW."cohort_id" AND "status" IN ('held', 'awaiting_payment', 'enrolled');
  IF taken > cap THEN
    RAISE EXCEPTION 'course cohort % is full (% of % seats)', NEW."cohort_id", taken, cap
      USING ERRCODE = 'check_violation', CONSTRAINT = 'course_seats_within_capacity';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER "course_seats_within_capacity" ON "course_enrollments";
--> statement-breakpoint
CREATE TRIGGER "course_seats_within_capacity"
  AFTER INSERT OR UPDATE OF "status", "cohort_id" ON "course_enrollments"
  FOR EACH ROW WHEN (NEW."status" IN ('held', 'awaiting_payment', 'enrolled'))
  EXECUTE FUNCTION "course_seats_within_capacity"();
