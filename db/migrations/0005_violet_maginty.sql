ALTER TABLE "dashboard_snapshots" ADD COLUMN "audit_recent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "page_cache" ADD COLUMN "user_id" integer;--> statement-breakpoint
ALTER TABLE "page_cache" ADD COLUMN "audit_recent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "page_cache" ADD CONSTRAINT "page_cache_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "page_cache_user_idx" ON "page_cache" USING btree ("user_id","expires_at");