-- Custom SQL migration file, put your code below! --
-- library_words follows every change to case_publications in the changing transaction, whoever
-- makes it (publishing, archiving, the seed, a cascade). Derived data: the publication is what is
-- audited.
CREATE FUNCTION library_words_of(p case_publications) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT lexeme FROM unnest(to_tsvector('simple'::regconfig, concat_ws(' ',
    (SELECT string_agg(v, ' ') FROM jsonb_each_text(p.title) AS e(k, v)),
    (SELECT string_agg(v, ' ') FROM jsonb_each_text(p.summary) AS e(k, v)),
    (SELECT string_agg(v, ' ') FROM jsonb_each_text(coalesce(p.problem, '{}')) AS e(k, v)),
    (SELECT string_agg(v, ' ') FROM jsonb_each_text(coalesce(p.solution, '{}')) AS e(k, v)),
    (SELECT string_agg(v, ' ') FROM jsonb_each_text(coalesce(p.innovation, '{}')) AS e(k, v)),
    (SELECT string_agg(v, ' ') FROM jsonb_each_text(coalesce(p.place, '{}')) AS e(k, v)),
    (SELECT string_agg(v->>'text', ' ') FROM jsonb_each(p.lessons_rich) AS e(k, v)),
    (SELECT string_agg(v->>'text', ' ') FROM jsonb_each(p.narrative) AS e(k, v))
  ))) AS t
  WHERE length(lexeme) BETWEEN 4 AND 40 AND lexeme !~ '[0-9]'
$$;
--> statement-breakpoint
CREATE FUNCTION library_words_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE library_words w SET cases = w.cases - 1 FROM library_words_of(OLD) AS o(word) WHERE w.word = o.word;
    DELETE FROM library_words w USING library_words_of(OLD) AS o(word) WHERE w.word = o.word AND w.cases <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO library_words (word, cases) SELECT o.word, 1 FROM library_words_of(NEW) AS o(word)
      ON CONFLICT (word) DO UPDATE SET cases = library_words.cases + 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_publications_words AFTER INSERT OR DELETE OR UPDATE ON case_publications
  FOR EACH ROW EXECUTE FUNCTION library_words_follow();
--> statement-breakpoint
CREATE FUNCTION library_words_empty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM library_words;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_publications_words_truncate AFTER TRUNCATE ON case_publications
  FOR EACH STATEMENT EXECUTE FUNCTION library_words_empty();
--> statement-breakpoint
INSERT INTO library_words (word, cases)
  SELECT o.word, count(*) FROM case_publications p, library_words_of(p) AS o(word) GROUP BY o.word;
