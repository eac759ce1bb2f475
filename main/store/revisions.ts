/**
 * Revision files: `revisions/<id>/r<000123>-<savedAt>.json`, one per save, named so that the
 * list (number, time) needs only a readdir. Each is a hard link to (or a copy of) the report
 * file as it was written, so keeping a revision costs no second write.
 */

export const KEEP_LAST = 50;
/** Beyond the last KEEP_LAST: one per hour while younger than this, then one per day. */
export const HOURLY_FOR_MS = 7 * 24 * 3600 * 1000;

export interface RevisionEntry {
  revision: number;
  savedAt: string;
  file: string;
}

const NAME = /^r(\d{6,})-(\d{8})T(\d{6})(\d{3})Z\.json$/;

export function revisionFileName(revision: number, savedAt: Date): string {
  const iso = savedAt.toISOString(); // 2026-11-23T07:41:30.123Z
  const stamp = iso.slice(0, 10).replace(/-/g, '') + 'T' + iso.slice(11, 19).replace(/:/g, '') + iso.slice(20, 23) + 'Z';
  return `r${String(revision).padStart(6, '0')}-${stamp}.json`;
}

export function parseRevisionFileName(name: string): { revision: number; savedAt: string } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, n, d, t, ms] = m;
  const savedAt = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms}Z`;
  return { revision: Number(n), savedAt };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Buckets in local time: a clerk thinks of "yesterday's version", not UTC. */
function bucketOf(savedAt: string, now: number): string {
  const d = new Date(savedAt);
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return now - d.getTime() < HOURLY_FOR_MS ? `${day}T${pad(d.getHours())}` : day;
}

/**
 * Which revisions to delete: keep the first (the report as created or imported), the last
 * `keepLast`, and of the older ones the newest of each hour (past week) or day (before).
 */
export function planThinning<R extends { revision: number; savedAt: string }>(revs: R[], now: Date, keepLast = KEEP_LAST): R[] {
  if (revs.length <= keepLast + 1) return [];
  const sorted = [...revs].sort((a, b) => a.revision - b.revision);
  const older = sorted.slice(1, sorted.length - keepLast);
  const newestOfBucket = new Map<string, R>();
  for (const r of older) newestOfBucket.set(bucketOf(r.savedAt, now.getTime()), r); // ascending: last wins
  const keep = new Set(newestOfBucket.values());
  return older.filter((r) => !keep.has(r));
}
