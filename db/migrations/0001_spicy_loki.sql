CREATE TABLE "commitment_confirmations" (
	"commitment_id" integer NOT NULL,
	"country_code" char(2) NOT NULL,
	"confirmed_by" integer,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitment_confirmations_commitment_id_country_code_pk" PRIMARY KEY("commitment_id","country_code")
);
--> statement-breakpoint
CREATE TABLE "commitment_evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"commitment_id" integer NOT NULL,
	"url" text,
	"note" text,
	"added_by" integer,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitment_evidence_has_content" CHECK ("commitment_evidence"."url" is not null or "commitment_evidence"."note" is not null)
);
--> statement-breakpoint
CREATE TABLE "commitment_focal_points" (
	"commitment_id" integer NOT NULL,
	"country_code" char(2) NOT NULL,
	"person_id" integer NOT NULL,
	CONSTRAINT "commitment_focal_points_commitment_id_country_code_pk" PRIMARY KEY("commitment_id","country_code")
);
--> statement-breakpoint
CREATE TABLE "commitment_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"commitment_id" integer NOT NULL,
	"title" jsonb NOT NULL,
	"due_on" date,
	"completed_on" date,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "outputs" jsonb;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "lessons_json" jsonb;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "lessons_html" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "lessons_text" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "synthetic" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce("activities"."title"->>'en', '') || ' ' || coalesce("activities"."title"->>'id', '') || ' ' || coalesce("activities"."city", '') || ' ' || coalesce("activities"."description"->>'en', '') || ' ' || coalesce("activities"."description"->>'id', '') || ' ' || coalesce("activities"."lessons_text", ''))) STORED;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "calendar_key" text DEFAULT gen_random_uuid()::text NOT NULL;--> statement-breakpoint
ALTER TABLE "commitment_confirmations" ADD CONSTRAINT "commitment_confirmations_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_confirmations" ADD CONSTRAINT "commitment_confirmations_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_confirmations" ADD CONSTRAINT "commitment_confirmations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_evidence" ADD CONSTRAINT "commitment_evidence_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_evidence" ADD CONSTRAINT "commitment_evidence_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_focal_points" ADD CONSTRAINT "commitment_focal_points_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_focal_points" ADD CONSTRAINT "commitment_focal_points_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_focal_points" ADD CONSTRAINT "commitment_focal_points_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_milestones" ADD CONSTRAINT "commitment_milestones_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_evidence_commitment_idx" ON "commitment_evidence" USING btree ("commitment_id");--> statement-breakpoint
CREATE INDEX "commitment_milestones_commitment_idx" ON "commitment_milestones" USING btree ("commitment_id","position");--> statement-breakpoint
CREATE INDEX "activities_search_idx" ON "activities" USING gin ("search");--> statement-breakpoint
CREATE INDEX "activities_title_en_idx" ON "activities" USING btree (lower("title"->>'en'),"id");--> statement-breakpoint
CREATE INDEX "activities_title_id_idx" ON "activities" USING btree (lower(coalesce("title"->>'id', "title"->>'en')),"id");--> statement-breakpoint
CREATE INDEX "activities_city_idx" ON "activities" USING btree ("city","starts_at");