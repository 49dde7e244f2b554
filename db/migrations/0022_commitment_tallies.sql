CREATE TABLE "commitment_tallies" (
	"agreement_id" integer NOT NULL,
	"status" "commitment_status" NOT NULL,
	"due_on" date,
	"n" integer NOT NULL,
	CONSTRAINT "commitment_tallies_key" UNIQUE NULLS NOT DISTINCT("agreement_id","status","due_on")
);
--> statement-breakpoint
ALTER TABLE "commitment_tallies" ADD CONSTRAINT "commitment_tallies_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;