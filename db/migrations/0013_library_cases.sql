CREATE TYPE "public"."case_link_status" AS ENUM('planned', 'running', 'stopped');--> statement-breakpoint
CREATE TYPE "public"."enquiry_status" AS ENUM('new', 'in_progress', 'planned', 'closed');--> statement-breakpoint
ALTER TYPE "public"."case_status" ADD VALUE 'in_review';--> statement-breakpoint
ALTER TYPE "public"."case_status" ADD VALUE 'archived';--> statement-breakpoint
CREATE TABLE "activity_cases" (
	"activity_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	CONSTRAINT "activity_cases_activity_id_case_id_pk" PRIMARY KEY("activity_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "case_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_case_id" integer NOT NULL,
	"to_case_id" integer NOT NULL,
	"place" jsonb,
	"country_code" char(2),
	"latitude" double precision,
	"longitude" double precision,
	"year" smallint,
	"status" "case_link_status" DEFAULT 'running' NOT NULL,
	"note" jsonb,
	"source_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_publications" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"slug_id" text,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"problem" jsonb,
	"solution" jsonb,
	"innovation" jsonb,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"organization_id" integer,
	"admin_level" text,
	"country_code" char(2) NOT NULL,
	"place" jsonb,
	"latitude" double precision,
	"longitude" double precision,
	"started_year" smallint,
	"stopped_year" smallint,
	"sector" text NOT NULL,
	"sdg_goals" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"sdg_targets" text[] DEFAULT '{}'::text[] NOT NULL,
	"awards" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"award_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_organization_id" integer,
	"lessons_rich" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"narrative" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"case_version" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" integer,
	"synthetic" boolean DEFAULT false NOT NULL,
	"search_en" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(title->>'en', '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(summary->>'en', '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(problem->>'en', '') || ' ' || coalesce(solution->>'en', '') || ' ' || coalesce(innovation->>'en', '') || ' ' || coalesce(place->>'en', '') || ' ' || coalesce(lessons_rich->'en'->>'text', '') || ' ' || coalesce(narrative->'en'->>'text', '')), 'C')) STORED,
	"search_id" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('indonesian'::regconfig, coalesce(title->>'id', '')), 'A') || setweight(to_tsvector('indonesian'::regconfig, coalesce(summary->>'id', '')), 'B') || setweight(to_tsvector('indonesian'::regconfig, coalesce(problem->>'id', '') || ' ' || coalesce(solution->>'id', '') || ' ' || coalesce(innovation->>'id', '') || ' ' || coalesce(place->>'id', '') || ' ' || coalesce(lessons_rich->'id'->>'text', '') || ' ' || coalesce(narrative->'id'->>'text', '')), 'C')) STORED,
	"names" text GENERATED ALWAYS AS (lower(coalesce(title->>'en', '') || ' ' || coalesce(title->>'id', ''))) STORED,
	CONSTRAINT "case_publications_slug_unique" UNIQUE("slug"),
	CONSTRAINT "case_publications_slug_id_unique" UNIQUE("slug_id")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"document_id" integer NOT NULL,
	"subject_kind" "citable_kind" NOT NULL,
	"subject_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_document_id_subject_kind_subject_id_pk" PRIMARY KEY("document_id","subject_kind","subject_id")
);
--> statement-breakpoint
CREATE TABLE "document_blobs" (
	"key" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"title" text,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "enquiries" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer,
	"name" text NOT NULL,
	"organization" text NOT NULL,
	"country" text NOT NULL,
	"email" text NOT NULL,
	"message" text NOT NULL,
	"language" text NOT NULL,
	"status" "enquiry_status" DEFAULT 'new' NOT NULL,
	"activity_id" integer,
	"handled_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "cases_status_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "slug_id" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "problem" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "solution" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "innovation" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "results" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "admin_level" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "place" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "started_year" smallint;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "stopped_year" smallint;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "sdg_goals" smallint[] DEFAULT '{}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "sdg_targets" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "awards" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "award_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "contact_organization_id" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "lessons_rich" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "narrative" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "edited_by" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "synthetic" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_cases" ADD CONSTRAINT "activity_cases_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_cases" ADD CONSTRAINT "activity_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_from_case_id_cases_id_fk" FOREIGN KEY ("from_case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_to_case_id_cases_id_fk" FOREIGN KEY ("to_case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_publications" ADD CONSTRAINT "case_publications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_publications" ADD CONSTRAINT "case_publications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_publications" ADD CONSTRAINT "case_publications_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_publications" ADD CONSTRAINT "case_publications_contact_organization_id_organizations_id_fk" FOREIGN KEY ("contact_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_publications" ADD CONSTRAINT "case_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_cases_case_idx" ON "activity_cases" USING btree ("case_id","activity_id");--> statement-breakpoint
CREATE INDEX "case_links_from_idx" ON "case_links" USING btree ("from_case_id");--> statement-breakpoint
CREATE INDEX "case_links_to_idx" ON "case_links" USING btree ("to_case_id");--> statement-breakpoint
CREATE INDEX "case_publications_search_en_idx" ON "case_publications" USING gin ("search_en");--> statement-breakpoint
CREATE INDEX "case_publications_search_id_idx" ON "case_publications" USING gin ("search_id");--> statement-breakpoint
CREATE INDEX "case_publications_names_idx" ON "case_publications" USING gin ("names" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "case_publications_country_idx" ON "case_publications" USING btree ("country_code","published_at");--> statement-breakpoint
CREATE INDEX "case_publications_sector_idx" ON "case_publications" USING btree ("sector","published_at");--> statement-breakpoint
CREATE INDEX "case_publications_sdg_idx" ON "case_publications" USING gin ("sdg_goals");--> statement-breakpoint
CREATE INDEX "case_publications_awards_idx" ON "case_publications" USING gin ("award_keys");--> statement-breakpoint
CREATE INDEX "case_publications_published_idx" ON "case_publications" USING btree ("published_at","case_id");--> statement-breakpoint
CREATE INDEX "attachments_subject_idx" ON "attachments" USING btree ("subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "documents_created_idx" ON "documents" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "enquiries_status_idx" ON "enquiries" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "enquiries_case_idx" ON "enquiries" USING btree ("case_id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_contact_organization_id_organizations_id_fk" FOREIGN KEY ("contact_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("status","updated_at");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_slug_id_unique" UNIQUE("slug_id");