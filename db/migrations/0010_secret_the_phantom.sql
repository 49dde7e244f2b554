DROP INDEX "activity_commitments_commitment_idx";--> statement-breakpoint
CREATE INDEX "commitments_agreement_status_idx" ON "commitments" USING btree ("agreement_id","status","due_on");--> statement-breakpoint
CREATE INDEX "activity_commitments_commitment_idx" ON "activity_commitments" USING btree ("commitment_id","activity_id");