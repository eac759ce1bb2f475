import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';

export interface DataDirInput {
  /** `--data-dir DIR` */
  flag?: string;
  env: Record<string, string | undefined>;
  /** Electron's `app.getPath('userData')`, when running in Electron. */
  electronUserData?: string;
  platform?: NodeJS.Platform;
  home?: string;
  cwd?: string;
}

/** Where the store lives: --data-dir, then NIANBAO_DATA_DIR, then Electron's userData, then the OS's usual place. */
export function resolveDataDir(input: DataDirInput): string {
  const platform = input.platform ?? process.platform;
  const cwd = input.cwd ?? process.cwd();
  const abs = (p: string) => (platform === 'win32' ? win32.resolve(cwd, p) : platform === process.platform ? resolve(cwd, p) : posix.resolve(cwd, p));
  if (input.flag && input.flag.trim() !== '') return abs(input.flag.trim());
  const fromEnv = input.env.NIANBAO_DATA_DIR?.trim();
  if (fromEnv) return abs(fromEnv);
  if (input.electronUserData) return input.electronUserData;
  const home = input.home ?? homedir();
  if (platform === 'win32') return win32.join(input.env.APPDATA?.trim() || win32.join(home, 'AppData', 'Roaming'), 'nianbao');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'nianbao');
  return posix.join(input.env.XDG_CONFIG_HOME?.trim() || posix.join(home, '.config'), 'nianbao');
}
