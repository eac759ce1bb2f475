import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliIO } from './command.js';
import { UsageError } from './argv.js';

/**
 * The folder Electron uses as `app.getPath('userData')` for this app (appData + productName),
 * so that `nianbao list` and the browser mode see the desktop app's reports by default.
 */
export const PRODUCT_NAME = '年报助手';

export function defaultDataDir(env: Record<string, string | undefined> = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
}

/**
 * The data folder for a command: `--data-dir DIR` first, then `NIANBAO_DATA_DIR`, then the
 * desktop app's folder. Relative paths are taken from the caller's working directory.
 */
export function cliDataDir(flag: string | undefined, io: Pick<CliIO, 'env' | 'cwd'>): string {
  if (flag !== undefined) {
    if (flag.trim() === '') throw new UsageError('选项 --data-dir 不能为空。');
    return resolve(io.cwd, flag);
  }
  const fromEnv = io.env.NIANBAO_DATA_DIR;
  if (fromEnv && fromEnv.trim() !== '') return resolve(io.cwd, fromEnv);
  return defaultDataDir(io.env);
}

/** The option every data-folder command accepts, for `parseArgv` specs. */
export const DATA_DIR_OPTION = { 'data-dir': { type: 'string' } } as const;
