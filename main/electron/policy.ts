import { isAppUrl } from '../ipc/sender.js';

/**
 * The shell's network and navigation policy, as pure functions (tested without Electron).
 * The app is offline by design: no request leaves the machine.
 */

const ALLOWED_SCHEMES = new Set(['app:', 'data:', 'blob:', 'devtools:', 'chrome-extension:', 'chrome:']);

/** Requests from any page of ours: only our own app:// content and in-memory data. */
export function isAllowedRequest(url: string, opts: { allowFile?: string } = {}): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'app:') return isAppUrl(url);
  if (u.protocol === 'file:') return opts.allowFile !== undefined && url === opts.allowFile;
  return ALLOWED_SCHEMES.has(u.protocol);
}

/** In-page navigation stays on the app's own origin (the single-page app's routes). */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}
