/**
 * The form field of a write that named a row no longer there: an organisation merged away or a
 * person removed between loading a form and saving it. PostgreSQL refuses such a write with
 * 23503 ("Key (organization_id)=(7) is not present in table …"); this reads the column from that
 * detail, as the form names it (camelCase). Null for any other error, including 23503 for a
 * delete that other rows still refer to, which is not the editor's choice gone.
 */
export function missingReference(error: unknown): string | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { code, detail } = e as { code?: unknown; detail?: unknown };
    if (code !== "23503" || typeof detail !== "string") continue;
    const column = /^Key \(([a-z0-9_]+)\)=.* is not present in table/.exec(detail)?.[1];
    return column ? column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : null;
  }
  return null;
}
