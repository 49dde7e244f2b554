CREATE TABLE "commitment_month_tallies" (
	"agreement_id" integer NOT NULL,
	"status" "commitment_status" NOT NULL,
	"due_month" date,
	"confirmed_sides" smallint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "commitment_month_tallies_key" UNIQUE NULLS NOT DISTINCT("agreement_id","status","due_month","confirmed_sides")
);
--> statement-breakpoint
ALTER TABLE "commitment_month_tallies" ADD CONSTRAINT "commitment_month_tallies_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;