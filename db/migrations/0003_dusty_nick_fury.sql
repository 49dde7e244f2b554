CREATE TABLE "dashboard_snapshots" (
	"key" text PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"value" jsonb NOT NULL
);
