import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The browser mode's request guards: a per-run token for the API, and Host/Origin checks
 * against DNS rebinding (a foreign name resolving to 127.0.0.1) and cross-site requests.
 */

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant time in the token's content and length: both sides are hashed to 32 bytes first. */
export function tokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(given, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** `Host` must name our loopback listener exactly: 127.0.0.1:PORT or localhost:PORT. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** No Origin (same-origin GET, curl) is fine; a present Origin must be ours. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const o = origin.toLowerCase();
  return o === `http://127.0.0.1:${port}` || o === `http://localhost:${port}`;
}
