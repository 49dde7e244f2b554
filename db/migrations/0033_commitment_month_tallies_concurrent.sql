-- Custom SQL migration file, put your code below! --
-- The month tallies' trigger (0031) again, with two mends: a row one fewer is taken away only once
-- its count reaches zero as updated (two transactions lowering the same row of two both missed
-- "delete where n = 1" before, and left a row of zero), and months are cut from the date as a
-- timestamp without zone, so no session's time zone has a say in them.
CREATE OR REPLACE FUNCTION commitment_month_tallies_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  left_over integer;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.agreement_id = NEW.agreement_id AND OLD.status = NEW.status
    AND date_trunc('month', OLD.due_on::timestamp) IS NOT DISTINCT FROM date_trunc('month', NEW.due_on::timestamp)
    AND OLD.confirmed_sides = NEW.confirmed_sides THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE commitment_month_tallies SET n = n - 1
      WHERE agreement_id = OLD.agreement_id AND status = OLD.status
        AND due_month IS NOT DISTINCT FROM date_trunc('month', OLD.due_on::timestamp)::date
        AND confirmed_sides = OLD.confirmed_sides
      RETURNING n INTO left_over;
    IF left_over = 0 THEN
      DELETE FROM commitment_month_tallies
        WHERE agreement_id = OLD.agreement_id AND status = OLD.status
          AND due_month IS NOT DISTINCT FROM date_trunc('month', OLD.due_on::timestamp)::date
          AND confirmed_sides = OLD.confirmed_sides AND n = 0;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO commitment_month_tallies (agreement_id, status, due_month, confirmed_sides, n)
      VALUES (NEW.agreement_id, NEW.status, date_trunc('month', NEW.due_on::timestamp)::date, NEW.confirmed_sides, 1)
      ON CONFLICT (agreement_id, status, due_month, confirmed_sides) DO UPDATE SET n = commitment_month_tallies.n + 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Rows of zero a race may have left behind.
DELETE FROM commitment_month_tallies WHERE n <= 0;
