CREATE TYPE "public"."delegation_role" AS ENUM('head', 'member', 'interpreter', 'liaison', 'counterpart');--> statement-breakpoint
CREATE TYPE "public"."follow_up_status" AS ENUM('open', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."travel_mode" AS ENUM('flight', 'train', 'road', 'other');--> statement-breakpoint
CREATE TYPE "public"."visit_direction" AS ENUM('incoming', 'outgoing');--> statement-breakpoint
CREATE TYPE "public"."visit_side" AS ENUM('delegation', 'host');--> statement-breakpoint
CREATE TYPE "public"."visit_stage" AS ENUM('planning', 'confirmed', 'under_way', 'report_due', 'done');--> statement-breakpoint
ALTER TYPE "public"."mail_kind" ADD VALUE 'briefing_pack';--> statement-breakpoint
ALTER TYPE "public"."mail_kind" ADD VALUE 'follow_up_due';--> statement-breakpoint
ALTER TYPE "public"."citable_kind" ADD VALUE 'itinerary_item';--> statement-breakpoint
CREATE TABLE "person_positions" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"organization_id" integer,
	"title" jsonb NOT NULL,
	"starts_on" date,
	"ends_on" date
);
--> statement-breakpoint
CREATE TABLE "follow_up_commitments" (
	"follow_up_id" integer NOT NULL,
	"commitment_id" integer NOT NULL,
	CONSTRAINT "follow_up_commitments_follow_up_id_commitment_id_pk" PRIMARY KEY("follow_up_id","commitment_id")
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"visit_id" integer NOT NULL,
	"title" jsonb NOT NULL,
	"owner_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"status" "follow_up_status" DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "itinerary_item_cases" (
	"item_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	CONSTRAINT "itinerary_item_cases_item_id_case_id_pk" PRIMARY KEY("item_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "itinerary_item_members" (
	"item_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	CONSTRAINT "itinerary_item_members_item_id_member_id_pk" PRIMARY KEY("item_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "itinerary_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"visit_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"title" jsonb NOT NULL,
	"agenda" jsonb,
	"place_name" text,
	"address" text,
	"host_organization_id" integer,
	"transport" text,
	"all_members" boolean DEFAULT true NOT NULL,
	CONSTRAINT "itinerary_items_ends_after_start" CHECK ("itinerary_items"."ends_at" > "itinerary_items"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "visit_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"visit_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"side" "visit_side" DEFAULT 'delegation' NOT NULL,
	"role" "delegation_role" DEFAULT 'member' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"arrival_mode" "travel_mode",
	"arrival_ref" text,
	"arrival_at" timestamp with time zone,
	"departure_mode" "travel_mode",
	"departure_ref" text,
	"departure_at" timestamp with time zone,
	"hotel" text,
	"interpretation_needs" text,
	"dietary_needs" text,
	"access_needs" text
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"activity_id" integer PRIMARY KEY NOT NULL,
	"direction" "visit_direction" NOT NULL,
	"host_organization_id" integer,
	"cities" text[] DEFAULT '{}'::text[] NOT NULL,
	"time_zone" text NOT NULL,
	"objectives" jsonb,
	"stage" "visit_stage" DEFAULT 'planning' NOT NULL,
	"talking_points_json" jsonb,
	"talking_points_html" text,
	"talking_points_text" text,
	"background_json" jsonb,
	"background_html" text,
	"background_text" text,
	"outcomes_json" jsonb,
	"outcomes_html" text,
	"outcomes_text" text,
	"report_written_at" timestamp with time zone,
	"briefing_issued_at" timestamp with time zone,
	"delegation_version" integer DEFAULT 1 NOT NULL,
	"itinerary_version" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "parent_id" integer;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "user_id" integer;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "remind_follow_ups" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "person_positions" ADD CONSTRAINT "person_positions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_positions" ADD CONSTRAINT "person_positions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_commitments" ADD CONSTRAINT "follow_up_commitments_follow_up_id_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."follow_ups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_commitments" ADD CONSTRAINT "follow_up_commitments_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_visit_id_visits_activity_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("activity_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "itinerary_item_cases" ADD CONSTRAINT "itinerary_item_cases_item_id_itinerary_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."itinerary_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "itinerary_item_cases" ADD CONSTRAINT "itinerary_item_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "itinerary_item_members" ADD CONSTRAINT "itinerary_item_members_item_id_itinerary_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."itinerary_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "itinerary_item_members" ADD CONSTRAINT "itinerary_item_members_member_id_visit_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."visit_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "itinerary_items" ADD CONSTRAINT "itinerary_items_visit_id_visits_activity_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("activity_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "itinerary_items" ADD CONSTRAINT "itinerary_items_host_organization_id_organizations_id_fk" FOREIGN KEY ("host_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_members" ADD CONSTRAINT "visit_members_visit_id_visits_activity_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("activity_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_members" ADD CONSTRAINT "visit_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_host_organization_id_organizations_id_fk" FOREIGN KEY ("host_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_positions_person_idx" ON "person_positions" USING btree ("person_id","starts_on");--> statement-breakpoint
CREATE INDEX "person_positions_organization_idx" ON "person_positions" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "follow_up_commitments_commitment_idx" ON "follow_up_commitments" USING btree ("commitment_id");--> statement-breakpoint
CREATE INDEX "follow_ups_visit_idx" ON "follow_ups" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "follow_ups_owner_idx" ON "follow_ups" USING btree ("owner_id","status","due_on");--> statement-breakpoint
CREATE INDEX "follow_ups_due_idx" ON "follow_ups" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "itinerary_item_cases_case_idx" ON "itinerary_item_cases" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "itinerary_item_members_member_idx" ON "itinerary_item_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "itinerary_items_visit_idx" ON "itinerary_items" USING btree ("visit_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_members_person_idx" ON "visit_members" USING btree ("visit_id","person_id");--> statement-breakpoint
CREATE INDEX "visit_members_person_visits_idx" ON "visit_members" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organizations_parent_idx" ON "organizations" USING btree ("parent_id");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_user_id_unique" UNIQUE("user_id");