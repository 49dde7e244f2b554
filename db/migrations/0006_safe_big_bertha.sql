ALTER TABLE "sources" ALTER COLUMN "published_on" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "title_is_descriptive" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "quote" text;--> statement-breakpoint
ALTER TABLE "sources" DROP COLUMN "seed_file";