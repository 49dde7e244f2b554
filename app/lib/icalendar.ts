/** iCalendar (RFC 5545) text: escaping, line folding and UTC/date values. */

export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n")
      // Any other control character could end the line early in a lenient client: drop it.
      .replace(/[^\P{Cc}\t]/gu, "")
  );
}

const encoder = new TextEncoder();

/** Lines longer than 75 octets continue on the next line after a space, never inside a character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const n = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + n > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += n;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** A DATE value (YYYYMMDD) of the UTC calendar day, which is how all-day activities are stored. */
export function dateValue(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, "");
}

export function calendar(lines: string[]): string {
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
