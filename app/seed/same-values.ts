/** JSON with sorted keys and ISO dates, so that equal values compare equal however they were built. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (v instanceof Date) return v.toISOString();
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v === undefined ? null : v;
  });
}

/** Whether a stored record already holds `wanted`: the seed writes only what differs. */
export function same(stored: unknown, wanted: unknown): boolean {
  return canonical(stored) === canonical(wanted);
}

/** The fields of `row` named by `keys`, a missing one as null. */
export function pick(row: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));
}

/** Rows in a stable order, so that link sets compare equal whatever order they were read in. */
export function sortRows<Row>(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => canonical(a).localeCompare(canonical(b)));
}
