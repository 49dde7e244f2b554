-- Custom SQL migration file, put your code below! --
-- commitment_tallies follows every change to commitments in the changing transaction, whatever
-- makes it (the models, the seed, a bulk insert, a cascade). See docs/decisions/0023-commitment-tallies.md.
CREATE FUNCTION commitment_tallies_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    -- The last of its kind takes its row along; otherwise one fewer.
    DELETE FROM commitment_tallies
      WHERE agreement_id = OLD.agreement_id AND status = OLD.status AND due_on IS NOT DISTINCT FROM OLD.due_on AND n = 1;
    IF NOT FOUND THEN
      UPDATE commitment_tallies SET n = n - 1
        WHERE agreement_id = OLD.agreement_id AND status = OLD.status AND due_on IS NOT DISTINCT FROM OLD.due_on;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO commitment_tallies (agreement_id, status, due_on, n) VALUES (NEW.agreement_id, NEW.status, NEW.due_on, 1)
      ON CONFLICT (agreement_id, status, due_on) DO UPDATE SET n = commitment_tallies.n + 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER commitments_tally AFTER INSERT OR DELETE OR UPDATE OF agreement_id, status, due_on ON commitments
  FOR EACH ROW EXECUTE FUNCTION commitment_tallies_follow();
--> statement-breakpoint
CREATE FUNCTION commitment_tallies_empty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM commitment_tallies;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER commitments_tally_truncate AFTER TRUNCATE ON commitments
  FOR EACH STATEMENT EXECUTE FUNCTION commitment_tallies_empty();
--> statement-breakpoint
INSERT INTO commitment_tallies (agreement_id, status, due_on, n)
  SELECT agreement_id, status, due_on, count(*) FROM commitments GROUP BY agreement_id, status, due_on;
