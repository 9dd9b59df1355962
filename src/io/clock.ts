/** The clock: today's date, and time elapsed (the build engine's clock port, build/ports.ts Clock). */
import { performance } from 'node:perf_hooks';

/** The as-of date when none is given: today in the agency's time zone (or SOURCE_DATE_EPOCH's day, for reproducible builds). */
export function today(timeZone = 'America/New_York'): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const now = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export const systemClock = { today, now: (): number => performance.now() };
