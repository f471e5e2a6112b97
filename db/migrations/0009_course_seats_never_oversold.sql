-- A course cohort is never oversold: held and enrolled seats never exceed its capacity.
-- The application counts seats under a FOR UPDATE lock of the cohort row; this trigger makes
-- the database refuse an oversold cohort even if some code path forgot to. It takes the same
-- lock, so the count it reads (a fresh snapshot per statement under READ COMMITTED) includes
-- every seat committed before it, and concurrent seat-takers of one cohort queue behind it.
CREATE FUNCTION "course_seats_within_capacity"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap integer;
  taken integer;
BEGIN
  SELECT "capacity" INTO cap FROM "course_cohorts" WHERE "id" = NEW."cohort_id" FOR UPDATE;
  SELECT count(*) INTO taken FROM "course_enrollments"
    WHERE "cohort_id" = NEW."cohort_id" AND "status" IN ('held', 'enrolled');
  IF taken > cap THEN
    RAISE EXCEPTION 'course cohort % is full (% of % seats)', NEW."cohort_id", taken, cap
      USING ERRCODE = 'check_violation', CONSTRAINT = 'course_seats_within_capacity';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "course_seats_within_capacity"
  AFTER INSERT OR UPDATE OF "status", "cohort_id" ON "course_enrollments"
  FOR EACH ROW WHEN (NEW."status" IN ('held', 'enrolled'))
  EXECUTE FUNCTION "course_seats_within_capacity"();
