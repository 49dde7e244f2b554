-- 0026 replaced the generated "names" column (it now holds the Azerbaijani title too); dropping the
-- column dropped its trigram index with it, which drizzle-kit does not know. Built again here.
CREATE INDEX IF NOT EXISTS "case_publications_names_idx" ON "case_publications" USING gin ("names" gin_trgm_ops);
