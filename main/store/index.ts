import type { ReportStoreApi } from '../context.js';
import { NianbaoStore } from './store.js';
import type { OpenStoreOptions } from './store.js';

export { resolveDataDir } from './data-dir.js';
export type { DataDirInput } from './data-dir.js';
export { acquireWriterLock, LOCK_FILE } from './lock.js';
export type { WriterLock } from './lock.js';
export { NianbaoStore } from './store.js';
export type { OpenStoreOptions } from './store.js';

/**
 * Opens the store in `dataDir` (created if missing, unless read-only). Writers should hold
 * `acquireWriterLock(dataDir)` first (Electron relies on its single-instance lock instead).
 */
export async function openStore(dataDir: string, opts: OpenStoreOptions = {}): Promise<ReportStoreApi & { readonly notices: NianbaoStore['notices'] }> {
  return new NianbaoStore(dataDir, opts).open();
}
