import { describe, expect, it } from "vitest";
import { csvRecord } from "../../app/lib/csv";
import { escapeText, foldLine } from "../../app/lib/icalendar";

describe("CSV records", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvRecord(["a", 'say "hi"', "x,y", null, 3])).toBe('a,"say ""hi""","x,y",,3\r\n');
    expect(csvRecord(["=HYPERLINK(1)", "-2", "Kunjungan kerja"])).toBe("'=HYPERLINK(1),'-2,Kunjungan kerja\r\n");
  });
});

describe("iCalendar text", () => {
  it("escapes separators and newlines", () => {
    expect(escapeText("Baku, Azerbaijan; day 1\nday 2")).toBe("Baku\\, Azerbaijan\\; day 1\\nday 2");
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `SUMMARY:${"Kunjungan ke ASAN Xidmat — Baku ".repeat(6)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
  });
});
