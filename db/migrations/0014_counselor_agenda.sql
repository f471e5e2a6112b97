ALTER TABLE "intake_responses" ADD COLUMN "flagged_at" timestamp with time zone;--> statement-breakpoint
-- A day off or extra hours entered twice before this constraint: keep one of each.
DELETE FROM "availability_overrides" a USING "availability_overrides" b
  WHERE a."date" = b."date" AND a."kind" = b."kind"
    AND a."start_minute" IS NOT DISTINCT FROM b."start_minute"
    AND a."end_minute" IS NOT DISTINCT FROM b."end_minute"
    AND a."id" > b."id";--> statement-breakpoint
ALTER TABLE "availability_overrides" ADD CONSTRAINT "availability_overrides_once" UNIQUE NULLS NOT DISTINCT("date","kind","start_minute","end_minute");
