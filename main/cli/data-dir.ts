import { resolveDataDir } from '../store/data-dir.js';
import type { CliIO } from './command.js';
import { UsageError } from './argv.js';

/**
 * The data folder for a command: `--data-dir DIR` first, then `NIANBAO_DATA_DIR`, then the
 * desktop app's folder (the store's resolveDataDir, which the Electron main process uses too,
 * so `nianbao list` and the browser mode see the desktop app's reports by default).
 */
export function cliDataDir(flag: string | undefined, io: Pick<CliIO, 'env' | 'cwd'>): string {
  if (flag !== undefined && flag.trim() === '') throw new UsageError('选项 --data-dir 不能为空。');
  return resolveDataDir({ flag, env: io.env, cwd: io.cwd });
}

/** The option every data-folder command accepts, for `parseArgv` specs. */
export const DATA_DIR_OPTION = { 'data-dir': { type: 'string' } } as const;
