-- Extensions the schema relies on: pg_trgm for Japanese search (trigrams need no word
-- segmentation), btree_gist for the booking exclusion constraint.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;
