/** Consultation dates are dates in China Standard Time (UTC+8, no daylight saving). Pure; usable in the browser. */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The first instant of a date (YYYY-MM-DD) in China Standard Time. */
export function startOfCstDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CST_OFFSET_MS);
}

/** The date (YYYY-MM-DD, China Standard Time) an instant falls on. */
export function cstDate(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
