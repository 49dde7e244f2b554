import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Language } from "../i18n/config";

/**
 * A localized column as its reader reads it, in SQL (lib/localized.ts's `localized`): the text in
 * their language, else the English one. Selecting that one text rather than the whole jsonb spares
 * PostgreSQL writing out, and the app parsing, every language of every row: on a CSV of 240
 * activities that was a third of the database's time.
 */
export function readerTextSql<T extends string | null = string>(column: AnyPgColumn, lang: Language): SQL<T> {
  // One of three known names, written into the statement, which is prepared once per language.
  if (lang === "en") return sql<T>`(${column}->>'en')`;
  return sql<T>`coalesce(${ownText(column, lang)}, ${column}->>'en')`;
}

/**
 * The language `readerTextSql` gives that column in: the reader's where it has a text in it, else
 * English, so a list can mark the rows shown in another language than the page's.
 */
export function readerTextLanguageSql(column: AnyPgColumn, lang: Language): SQL<Language> {
  if (lang === "en") return sql<Language>`'en'`;
  return sql<Language>`(case when ${ownText(column, lang)} is not null then ${sql.raw(`'${lang}'`)} else 'en' end)`;
}

/** The column's text in `lang`, or null where it has none or only blanks (as `shownText` judges). */
function ownText(column: AnyPgColumn, lang: Language) {
  return sql`nullif(btrim(${column}->>${sql.raw(`'${lang}'`)}), '')`;
}
