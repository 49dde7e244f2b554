CREATE TYPE "public"."visit_link_purpose" AS ENUM('calendar', 'briefing');--> statement-breakpoint
CREATE TABLE "visit_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"visit_id" integer NOT NULL,
	"member_id" integer,
	"user_id" integer,
	"purpose" "visit_link_purpose" NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "visit_links_holder" CHECK ("visit_links"."user_id" is not null or "visit_links"."member_id" is not null),
	CONSTRAINT "visit_links_briefing_member" CHECK ("visit_links"."purpose" <> 'briefing' or "visit_links"."member_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "visit_links" ADD CONSTRAINT "visit_links_visit_id_visits_activity_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("activity_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_links" ADD CONSTRAINT "visit_links_member_id_visit_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."visit_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_links" ADD CONSTRAINT "visit_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_links" ADD CONSTRAINT "visit_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "visit_links_hash_idx" ON "visit_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "visit_links_holder_idx" ON "visit_links" USING btree ("visit_id","purpose","member_id","user_id");