CREATE TABLE "package_credits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purchase_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"kind" text NOT NULL,
	"delta" integer NOT NULL,
	"expires_at" timestamp with time zone,
	"booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "package_credits_sequence" UNIQUE("purchase_id","sequence"),
	CONSTRAINT "package_credits_kind_check" CHECK ("package_credits"."kind" in ('grant', 'use', 'return', 'expire', 'refund')),
	CONSTRAINT "package_credits_shape_check" CHECK (("package_credits"."kind" = 'grant' and "package_credits"."delta" > 0 and "package_credits"."expires_at" is not null and "package_credits"."booking_id" is null)
        or ("package_credits"."kind" = 'use' and "package_credits"."delta" = -1 and "package_credits"."expires_at" is null and "package_credits"."booking_id" is not null)
        or ("package_credits"."kind" = 'return' and "package_credits"."delta" = 1 and "package_credits"."expires_at" is null and "package_credits"."booking_id" is not null)
        or ("package_credits"."kind" in ('expire', 'refund') and "package_credits"."delta" < 0 and "package_credits"."expires_at" is null and "package_credits"."booking_id" is null))
);
--> statement-breakpoint
CREATE TABLE "package_purchases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid,
	"package_id" uuid NOT NULL,
	"name" text NOT NULL,
	"session_count" integer NOT NULL,
	"price_yen" integer NOT NULL,
	"validity_months" integer NOT NULL,
	"session_type_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "package_purchases_count_check" CHECK ("package_purchases"."session_count" > 0),
	CONSTRAINT "package_purchases_price_check" CHECK ("package_purchases"."price_yen" > 0)
);
--> statement-breakpoint
CREATE TABLE "session_package_types" (
	"package_id" uuid NOT NULL,
	"session_type_id" uuid NOT NULL,
	CONSTRAINT "session_package_types_package_id_session_type_id_pk" PRIMARY KEY("package_id","session_type_id")
);
--> statement-breakpoint
CREATE TABLE "session_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"session_count" integer NOT NULL,
	"price_yen" integer NOT NULL,
	"validity_months" integer NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_packages_count_check" CHECK ("session_packages"."session_count" between 2 and 50),
	CONSTRAINT "session_packages_price_check" CHECK ("session_packages"."price_yen" > 0),
	CONSTRAINT "session_packages_validity_check" CHECK ("session_packages"."validity_months" between 1 and 36)
);
--> statement-breakpoint
ALTER TABLE "package_credits" ADD CONSTRAINT "package_credits_purchase_id_package_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."package_purchases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_credits" ADD CONSTRAINT "package_credits_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_purchases" ADD CONSTRAINT "package_purchases_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_purchases" ADD CONSTRAINT "package_purchases_package_id_session_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."session_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_package_types" ADD CONSTRAINT "session_package_types_package_id_session_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."session_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_package_types" ADD CONSTRAINT "session_package_types_session_type_id_session_types_id_fk" FOREIGN KEY ("session_type_id") REFERENCES "public"."session_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "package_credits_one_grant" ON "package_credits" USING btree ("purchase_id") WHERE "package_credits"."kind" = 'grant';--> statement-breakpoint
CREATE UNIQUE INDEX "package_credits_one_use_per_booking" ON "package_credits" USING btree ("booking_id") WHERE "package_credits"."kind" = 'use';--> statement-breakpoint
CREATE UNIQUE INDEX "package_credits_one_return_per_booking" ON "package_credits" USING btree ("booking_id") WHERE "package_credits"."kind" = 'return';--> statement-breakpoint
CREATE INDEX "package_purchases_client" ON "package_purchases" USING btree ("client_id");