ALTER TABLE "calendar_imports" ALTER COLUMN "url" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "booking_settings" ADD COLUMN "meeting_link_lead_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "session_types" ADD COLUMN "default_meeting_url" text;--> statement-breakpoint
ALTER TABLE "calendar_imports" ADD COLUMN "url_encrypted" text;--> statement-breakpoint
ALTER TABLE "calendar_imports" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "calendar_imports" ADD COLUMN "url_hint" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "booking_settings" ADD CONSTRAINT "booking_settings_meeting_link_lead" CHECK ("booking_settings"."meeting_link_lead_hours" between 1 and 168);--> statement-breakpoint
ALTER TABLE "calendar_imports" ADD CONSTRAINT "calendar_imports_url_kept" CHECK ("calendar_imports"."url" is not null or ("calendar_imports"."url_encrypted" is not null and "calendar_imports"."key_id" is not null));