import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/fixtures.js';

/**
 * Packaging cannot run here (it downloads Electron and NSIS/AppImage tools), but its
 * configuration can be checked as electron-builder itself reads it: its own loader reads
 * electron.config.ts, and its own validator checks it against its schema (the step that fails
 * first in `npm run dist:*` when an option is misspelled).
 */

const require = createRequire(import.meta.url);
const { getConfig } = require('app-builder-lib/out/util/config/load.js') as { getConfig: (req: object, path: string) => Promise<{ result: any; configFile: string }> };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration: (c: object, log: object) => Promise<void> };
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => object };

async function load(): Promise<any> {
  const r = await getConfig({ packageKey: 'build', configFilename: 'electron-builder', projectDir: ROOT, packageMetadata: null }, 'electron.config.ts');
  return r.result;
}

describe('packaging configuration (electron.config.ts)', { timeout: 60_000 }, () => {
  it("is read by electron-builder's own loader and passes its schema; a wrong option is refused", async () => {
    const config = await load();
    await validateConfiguration(config, new DebugLogger(false));
    await assert.rejects(validateConfiguration({ ...config, nsis: { ...config.nsis, perMachine: 'no' } }, new DebugLogger(false)), /perMachine/);
  });

  it('sets the fuses: no run-as-node, no NODE_OPTIONS, asar integrity, app only from asar', async () => {
    const { electronFuses: f, asar } = await load();
    assert.equal(asar, true);
    assert.equal(f.runAsNode, false);
    assert.equal(f.enableNodeOptionsEnvironmentVariable, false);
    assert.equal(f.enableNodeCliInspectArguments, false);
    assert.equal(f.enableEmbeddedAsarIntegrityValidation, true);
    assert.equal(f.onlyLoadAppFromAsar, true);
  });

  it('Windows: per-user NSIS installer in Chinese without administrator, and a portable .exe (x64)', async () => {
    const c = await load();
    assert.deepEqual(c.win.target, [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    assert.equal(c.nsis.perMachine, false);
    assert.equal(c.nsis.allowElevation, false);
    assert.deepEqual(c.nsis.installerLanguages, ['zh_CN']);
    assert.equal(c.nsis.deleteAppDataOnUninstall, false, 'uninstalling never deletes the reports');
  });

  it('Linux: .deb and AppImage for x64 and arm64 (UOS, Kylin)', async () => {
    const c = await load();
    const targets = (c.linux.target as { target: string; arch: string[] }[]).map((t) => `${t.target}:${[...t.arch].sort().join(',')}`).sort();
    assert.deepEqual(targets, ['AppImage:arm64,x64', 'deb:arm64,x64']);
  });

  it('ships the icon (≥ 256 px, as Windows needs) and the fonts from assets/, and what the app loads at run time', async () => {
    const c = await load();
    for (const p of [c.win.icon, c.linux.icon]) {
      const png = readFileSync(join(ROOT, p));
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      assert.ok(png.readUInt32BE(16) >= 256 && png.readUInt32BE(20) >= 256, `${p} is at least 256×256`);
    }
    assert.ok(c.files.includes('assets/**/*'));
    assert.ok(c.files.includes('dist/**/*'));
    assert.ok(existsSync(join(ROOT, 'assets', 'fonts', 'OFL.txt')), 'the fonts licence ships with the fonts');
    // package.json main is what Electron starts: it must be inside the shipped dist/.
    const main = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).main as string;
    assert.match(main, /^dist\/main\/electron-main\.js$/);
  });
});
