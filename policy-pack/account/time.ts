/** Whole days between two instants, rounded down: a key rotated 90.9 days ago is 90 days old. */
export const DAY_MS = 24 * 60 * 60 * 1000;

export function ageInDays(now: Date, then: Date): number {
  return Math.floor((now.getTime() - then.getTime()) / DAY_MS);
}

/** `2024-05-01T10:00:00Z`: instants in messages, without milliseconds. */
export function isoSeconds(t: Date): string {
  return t.toISOString().replace(/\.\d{3}Z$/, "Z");
}
