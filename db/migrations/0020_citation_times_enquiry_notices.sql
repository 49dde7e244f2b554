ALTER TABLE "citations" ADD COLUMN "created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notify_enquiries" boolean DEFAULT true NOT NULL;