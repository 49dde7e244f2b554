-- Custom SQL migration file, put your code below! --
-- commitment_month_tallies replaces commitment_tallies: a row per status, due month and number of
-- confirming sides instead of per due date, so an agreement's head adds up a few rows a month, and
-- "confirmed by every side" is a sum of them instead of an index count. The trigger follows every
-- change to commitments in the changing transaction, whatever makes it (the models, the seed, a
-- bulk insert, a cascade, the confirmations' trigger). See docs/decisions/0023-commitment-tallies.md.
DROP TRIGGER commitments_tally ON commitments;
--> statement-breakpoint
DROP TRIGGER commitments_tally_truncate ON commitments;
--> statement-breakpoint
DROP FUNCTION commitment_tallies_follow();
--> statement-breakpoint
DROP FUNCTION commitment_tallies_empty();
--> statement-breakpoint
CREATE FUNCTION commitment_month_tallies_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.agreement_id = NEW.agreement_id AND OLD.status = NEW.status
    AND date_trunc('month', OLD.due_on) IS NOT DISTINCT FROM date_trunc('month', NEW.due_on)
    AND OLD.confirmed_sides = NEW.confirmed_sides THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    -- The last of its kind takes its row along; otherwise one fewer.
    DELETE FROM commitment_month_tallies
      WHERE agreement_id = OLD.agreement_id AND status = OLD.status
        AND due_month IS NOT DISTINCT FROM date_trunc('month', OLD.due_on)::date
        AND confirmed_sides = OLD.confirmed_sides AND n = 1;
    IF NOT FOUND THEN
      UPDATE commitment_month_tallies SET n = n - 1
        WHERE agreement_id = OLD.agreement_id AND status = OLD.status
          AND due_month IS NOT DISTINCT FROM date_trunc('month', OLD.due_on)::date
          AND confirmed_sides = OLD.confirmed_sides;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO commitment_month_tallies (agreement_id, status, due_month, confirmed_sides, n)
      VALUES (NEW.agreement_id, NEW.status, date_trunc('month', NEW.due_on)::date, NEW.confirmed_sides, 1)
      ON CONFLICT (agreement_id, status, due_month, confirmed_sides) DO UPDATE SET n = commitment_month_tallies.n + 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER commitments_month_tally AFTER INSERT OR DELETE OR UPDATE OF agreement_id, status, due_on, confirmed_sides
  ON commitments FOR EACH ROW EXECUTE FUNCTION commitment_month_tallies_follow();
--> statement-breakpoint
CREATE FUNCTION commitment_month_tallies_empty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM commitment_month_tallies;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER commitments_month_tally_truncate AFTER TRUNCATE ON commitments
  FOR EACH STATEMENT EXECUTE FUNCTION commitment_month_tallies_empty();
--> statement-breakpoint
INSERT INTO commitment_month_tallies (agreement_id, status, due_month, confirmed_sides, n)
  SELECT agreement_id, status, date_trunc('month', due_on)::date, confirmed_sides, count(*) FROM commitments
  GROUP BY agreement_id, status, date_trunc('month', due_on)::date, confirmed_sides;
