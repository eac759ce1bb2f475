import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import { API_METHODS, IPC_CHANNEL_PREFIX } from '../../shared/api.js';
import { ROOT } from '../helpers/fixtures.js';
import { RENDERER_ONLY_PACKAGES } from '../../electron.config.js';

// Checks on what `npm run build` produced (skipped, with the reason, before a build).

const dist = (...p: string[]) => join(ROOT, 'dist', ...p);
const built = existsSync(dist('main', 'electron-main.js')) && existsSync(dist('main', 'preload.cjs')) && existsSync(dist('cli', 'nianbao.mjs'));
const skip = built ? false : 'not built (npm run build)';

function bareImports(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/\bfrom\s*"([^"]+)"|\bimport\s*\(\s*"([^"]+)"\s*\)|^import\s*"([^"]+)"/gm)) out.add(m[1] ?? m[2] ?? m[3]);
  return [...out].filter((s) => !s.startsWith('.') && !s.startsWith('/'));
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const packageName = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]);
const builtins = new Set(builtinModules);
const isBuiltin = (s: string) => s.startsWith('node:') || builtins.has(s);

describe('built bundles', () => {
  it('main process and CLI import only Node builtins, electron, and runtime dependencies (what the installer ships)', { skip }, () => {
    for (const f of [dist('main', 'electron-main.js'), dist('cli', 'nianbao.mjs')]) {
      const imports = bareImports(readFileSync(f, 'utf8'));
      assert.ok(imports.length > 0);
      for (const s of imports) {
        if (isBuiltin(s) || s === 'electron') continue;
        assert.ok(!RENDERER_ONLY_PACKAGES.includes(packageName(s)) && !RENDERER_ONLY_PACKAGES.includes(s.split('/')[0]), `${f}: "${s}" is left out of the installer as renderer-only (electron.config.ts)`);
        assert.ok(packageName(s) in pkg.dependencies, `${f}: "${s}" is not in package.json dependencies, so it would be missing from the installed app`);
      }
    }
  });

  it('the sandboxed preload requires only electron and exposes exactly the contract', { skip }, async () => {
    const code = readFileSync(dist('main', 'preload.cjs'), 'utf8');
    const required: string[] = [];
    const exposed: Record<string, unknown> = {};
    const invoked: [string, unknown][] = [];
    // Electron's two preload objects, recorded: the bundle's own code runs unchanged.
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
      ipcRenderer: { invoke: async (channel: string, args: unknown) => (invoked.push([channel, args]), { ok: true, value: null }) },
    };
    const sandbox = { require: (id: string) => (required.push(id), id === 'electron' ? electron : undefined), module: { exports: {} }, exports: {} };
    vm.runInNewContext(code, sandbox, { filename: 'preload.cjs' });
    assert.deepEqual([...new Set(required)], ['electron']);
    assert.deepEqual(Object.keys(exposed), ['nianbaoApi']);
    const api = exposed.nianbaoApi as Record<string, (a: unknown) => Promise<unknown>>;
    assert.deepEqual(Object.keys(api), API_METHODS);
    await api.listReports(undefined);
    assert.deepEqual(invoked, [[IPC_CHANNEL_PREFIX + 'listReports', undefined]]);
    assert.ok(code.length < 20_000, `preload is ${code.length} bytes: zod or the model leaked into it`);
  });
});
