/**
 * Which renderer may call the API over IPC: only a frame showing our own `app://` origin.
 * Pure so it can be tested without Electron.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'nianbao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === '';
}

/** The IPC sender check: a frame whose URL is our app origin; anything else (or a gone frame) is refused. */
export function isTrustedSender(frame: { url: string } | null | undefined): boolean {
  return frame != null && isAppUrl(frame.url);
}
