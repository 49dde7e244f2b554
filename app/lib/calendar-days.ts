// Arithmetic on calendar dates ('YYYY-MM-DD'), done in UTC so no zone or daylight-saving shift applies.

/** The calendar date `days` days later (earlier when negative). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
