import { app, session } from 'electron';
import type { Session, WebContents } from 'electron';
import { isAllowedNavigation, isAllowedRequest } from './policy.js';

/**
 * Hardening that applies to every web page the app ever creates: no new windows, no navigation
 * away from app://, no <webview>, no permissions, and no request to the network.
 */

export function hardenSession(s: Session, opts: { allowFile?: () => string | undefined } = {}): void {
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.setDevicePermissionHandler(() => false);
  s.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, { allowFile: opts.allowFile?.() }) });
  });
  s.on('will-download', (event) => event.preventDefault());
}

export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Before ready: every WebContents ever created (main and print windows) is hardened. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/** After ready (sessions do not exist before). */
export function hardenDefaultSession(): void {
  hardenSession(session.defaultSession);
}
