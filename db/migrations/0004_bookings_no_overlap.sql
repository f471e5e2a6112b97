-- The counselor cannot be in two sessions at once, nor without the buffer between them: no
-- two held or confirmed bookings may overlap over [starts_at, blocked_until), where
-- blocked_until is the end plus the buffer. Enforced by the database, so that no race
-- between app instances can double-book.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist (tstzrange("starts_at", "blocked_until", '[)') WITH &&)
  WHERE ("status" IN ('held', 'confirmed'));
