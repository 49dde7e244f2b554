-- Custom SQL migration file, put your code below! --
-- commitments.confirmed_sides follows every change to commitment_confirmations in the changing
-- transaction, whatever makes it (the models, the seed, a cascade). Derived data: the
-- confirmation's own change is what is audited.
CREATE FUNCTION commitment_confirmed_sides_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE commitments SET confirmed_sides = confirmed_sides - 1 WHERE id = OLD.commitment_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE commitments SET confirmed_sides = confirmed_sides + 1 WHERE id = NEW.commitment_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER commitment_confirmations_count AFTER INSERT OR DELETE OR UPDATE OF commitment_id ON commitment_confirmations
  FOR EACH ROW EXECUTE FUNCTION commitment_confirmed_sides_follow();
--> statement-breakpoint
CREATE FUNCTION commitment_confirmed_sides_empty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE commitments SET confirmed_sides = 0 WHERE confirmed_sides <> 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER commitment_confirmations_count_truncate AFTER TRUNCATE ON commitment_confirmations
  FOR EACH STATEMENT EXECUTE FUNCTION commitment_confirmed_sides_empty();
--> statement-breakpoint
UPDATE commitments c SET confirmed_sides = x.n
  FROM (SELECT commitment_id, count(*) AS n FROM commitment_confirmations GROUP BY commitment_id) AS x
  WHERE x.commitment_id = c.id;
