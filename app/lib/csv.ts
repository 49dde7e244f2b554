/** One CSV record (RFC 4180): fields with commas, quotes or line breaks are quoted. */
export function csvRecord(fields: (string | number | null | undefined)[]): string {
  // A loop rather than map and join: an export writes this for every one of thousands of rows.
  let record = "";
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    let text: string;
    if (typeof field === "number") text = String(field);
    else {
      text = field ?? "";
      // A leading =, +, - or @ would run as a formula in a spreadsheet.
      if (formulaStart.test(text)) text = `'${text}`;
      if (needsQuotes.test(text)) text = `"${text.replace(/"/g, '""')}"`;
    }
    record += i ? `,${text}` : text;
  }
  return `${record}\r\n`;
}

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

/** Excel needs the byte-order mark to read UTF-8 (and so Indonesian text) correctly. */
export const utf8Bom = "\uFEFF";
