#!/usr/bin/env node
// `npm run build`: the renderer with Vite (dist/renderer/), then the Electron main process
// (dist/main/electron-main.js, ESM), the preload (dist/main/preload.cjs — sandboxed preloads
// cannot be ESM, and may only require 'electron', so everything else is bundled in) and the
// `nianbao` CLI (dist/cli/nianbao.mjs) with esbuild. npm packages stay external in main and
// CLI: they ship in node_modules (electron-builder packs the dependencies), and several of them
// (pdfkit, fontkit, pdfjs-dist) load data files relative to their own folders.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2); // e.g. `node scripts/build.mjs main` to skip the renderer
const want = (part) => only.length === 0 || only.includes(part);
const t0 = Date.now();
const failed = [];

function log(s) {
  process.stdout.write(s + '\n');
}

if (want('renderer')) {
  const config = join(root, 'vite.config.ts');
  if (!existsSync(config)) {
    log('renderer: vite.config.ts does not exist — skipped');
  } else {
    const outDir = join(root, 'dist', 'renderer');
    const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const r = spawnSync(process.execPath, [vite, 'build', '--config', config, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (r.status !== 0) {
      // Keep going: main, preload and CLI are independent of the renderer; fail at the end.
      log('renderer: vite build failed');
      failed.push('renderer');
    } else log('renderer: dist/renderer/');
  }
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  absWorkingDir: root,
};

async function bundle(what, fn) {
  try {
    await fn();
  } catch {
    // esbuild has already printed the errors with file and line.
    log(`${what}: esbuild failed`);
    failed.push(what);
  }
}

/** API_METHODS and IPC_CHANNEL_PREFIX of shared/api.ts, by bundling and importing it once. */
async function contractNames() {
  const r = await build({ ...common, sourcemap: false, entryPoints: ['shared/api.ts'], format: 'esm', write: false, packages: 'external' });
  // Inside the project, so that `zod` resolves from node_modules.
  mkdirSync(join(root, 'dist'), { recursive: true });
  const dir = mkdtempSync(join(root, 'dist', '.contract-'));
  const file = join(dir, 'api.mjs');
  writeFileSync(file, r.outputFiles[0].text);
  try {
    const m = await import(pathToFileURL(file).href);
    return { API_METHODS: m.API_METHODS, IPC_CHANNEL_PREFIX: m.IPC_CHANNEL_PREFIX };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (want('main')) {
  rmSync(join(root, 'dist', 'main'), { recursive: true, force: true });
  await bundle('main', () => build({
    ...common,
    entryPoints: { 'electron-main': 'main/electron/main.ts' },
    outdir: 'dist/main',
    format: 'esm',
    outExtension: { '.js': '.js' },
    packages: 'external',
    external: ['electron'],
  }));
  // The preload needs only the method names of the contract, not zod and the model: give it a
  // tiny generated stand-in for shared/api.ts (the names read from the real module at build time).
  const contract = await contractNames();
  const contractStub = {
    name: 'contract-names',
    setup(b) {
      b.onResolve({ filter: /\/shared\/api\.js$/ }, () => ({ path: 'contract-names', namespace: 'contract-names' }));
      b.onLoad({ filter: /.*/, namespace: 'contract-names' }, () => ({
        contents: `export const API_METHODS = ${JSON.stringify(contract.API_METHODS)};\nexport const IPC_CHANNEL_PREFIX = ${JSON.stringify(contract.IPC_CHANNEL_PREFIX)};\n`,
        loader: 'js',
      }));
    },
  };
  await bundle('preload', () => build({
    ...common,
    plugins: [contractStub],
    entryPoints: { preload: 'main/electron/preload.ts' },
    outdir: 'dist/main',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // Sandboxed preloads may require only 'electron' (and a few polyfilled builtins): bundle the rest.
    external: ['electron'],
    target: 'chrome140',
  }));
  log('main: dist/main/electron-main.js, dist/main/preload.cjs');
}

if (want('cli')) {
  rmSync(join(root, 'dist', 'cli'), { recursive: true, force: true });
  await bundle('cli', () => build({
    ...common,
    entryPoints: { nianbao: 'main/cli/index.ts' },
    outdir: 'dist/cli',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
  }));
  log('cli: dist/cli/nianbao.mjs');
}

if (failed.length) {
  log(`build FAILED (${failed.join(', ')}) after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(1);
}
log(`build done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
