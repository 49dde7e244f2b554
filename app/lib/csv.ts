/** One CSV record (RFC 4180): fields with commas, quotes or line breaks are quoted. */
export function csvRecord(fields: (string | number | null | undefined)[]): string {
  return (
    fields
      .map((field) => {
        if (typeof field === "number") return String(field);
        const s = field === null || field === undefined ? "" : field;
        // A leading =, +, - or @ would run as a formula in a spreadsheet.
        const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
        return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      })
      .join(",") + "\r\n"
  );
}

/** Excel needs the byte-order mark to read UTF-8 (and so Indonesian text) correctly. */
export const utf8Bom = "\uFEFF";
