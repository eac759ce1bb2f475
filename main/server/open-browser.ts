import { spawn } from 'node:child_process';

/** Opens the URL in the default browser; best effort, never throws (the URL is printed anyway). */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  // rundll32 instead of `cmd /c start`: no shell, so nothing in the URL is interpreted.
  const [cmd, args] =
    platform === 'win32' ? ['rundll32', ['url.dll,FileProtocolHandler', url]] : platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    /* no browser opener: the user copies the printed address */
  }
}
