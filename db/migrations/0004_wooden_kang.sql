CREATE TABLE "page_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" integer NOT NULL,
	"headers" jsonb NOT NULL,
	"nonce" text,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "page_cache_expires_idx" ON "page_cache" USING btree ("expires_at");