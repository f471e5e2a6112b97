CREATE TABLE "counselor_notices" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"disabled_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"daily_agenda_enabled" boolean DEFAULT false NOT NULL,
	"daily_agenda_minute" smallint DEFAULT 420 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_settings_singleton" CHECK ("notification_settings"."id" = 1),
	CONSTRAINT "notification_settings_minute" CHECK ("notification_settings"."daily_agenda_minute" between 0 and 1439)
);
