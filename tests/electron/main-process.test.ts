import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { API_METHODS } from '../../shared/api.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * The bundled Electron main process (dist/main/electron-main.js), run in plain Node with a
 * recording stand-in for the `electron` module (tests/electron/stand-in): the real startup
 * code, the real store on a temp folder, the real app:// handler and IPC handlers — only
 * Electron itself is replaced. It checks the lifecycle order Electron enforces and the
 * security settings. The real-binary smoke test is smoke.test.ts (skipped where no binary).
 */

const bundle = join(ROOT, 'dist', 'main', 'electron-main.js');

interface Report {
  order: string[];
  errors: string[];
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  windows: { title: string; x?: number; y?: number; width: number; height: number; webPreferences: Record<string, unknown> }[];
  loaded: string[];
  menu: string[];
  ipcChannels: string[];
  checks: Record<string, any>;
}

function run(extraEnv: Record<string, string> = {}): Report {
  const appRoot = mkdtempSync(join(tmpdir(), 'nianbao-app-'));
  mkdirSync(join(appRoot, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>年报助手</title>');
  writeFileSync(join(appRoot, 'secret.txt'), 'TOP SECRET');
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-data-'));
  // A damaged settings file: moved aside at start, and the window is told (getAppInfo.notices).
  writeFileSync(join(dataDir, 'settings.json'), '{"storeVersion":1,"settings":{"office":');
  // The window's size and position from the last run (userData = <appData>/nianbao).
  const appData = mkdtempSync(join(tmpdir(), 'nianbao-appdata-'));
  mkdirSync(join(appData, 'nianbao'));
  writeFileSync(join(appData, 'nianbao', 'window-state.json'), JSON.stringify({ x: 100, y: 50, width: 1100, height: 700, maximized: false }));
  const r = spawnSync(process.execPath, ['--import', './tests/electron/stand-in/register.mjs', bundle, `--data-dir=${dataDir}`], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, FAKE_APP_PATH: appRoot, FAKE_APP_DATA: appData, NIANBAO_DATA_DIR: '', ...extraEnv },
  });
  assert.equal(r.status, 0, r.stderr);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Report;
}

describe('Electron main process (bundle, with a recording stand-in for electron)', { skip: existsSync(bundle) ? false : 'not built (npm run build)', timeout: 90_000 }, () => {
  const r = existsSync(bundle) ? run() : ({} as Report);

  it('starts without errors, in the order Electron requires', () => {
    assert.deepEqual(r.errors, []);
    const i = (s: string) => r.order.indexOf(s);
    assert.ok(i('app.setPath(userData)') >= 0 && i('app.setPath(userData)') < i('app.requestSingleInstanceLock'), 'userData is set before the single-instance lock (which lives there)');
    assert.ok(i('protocol.registerSchemesAsPrivileged') < i('app.whenReady'));
    assert.ok(i('app.enableSandbox') >= 0);
    assert.ok(i('app.commandLine.appendSwitch(lang=zh-CN)') >= 0 && i('app.commandLine.appendSwitch(lang=zh-CN)') < i('app.whenReady'), 'Chromium controls in Chinese, set before ready');
    assert.ok(i('app.on(second-instance)') >= 0, 'a second launch focuses the first window');
  });

  it('a second launch focuses the first window; the second process quits without a window, store or IPC', () => {
    assert.deepEqual(r.checks.secondInstance, ['window.restore', 'window.show', 'window.focus']);
    const second = run({ FAKE_SECOND_INSTANCE: '1' });
    assert.deepEqual(second.errors, []);
    assert.ok(second.order.includes('app.quit'));
    assert.equal(second.order.includes('app.whenReady'), false);
    assert.deepEqual(second.windows, []);
    assert.deepEqual(second.ipcChannels, []);
  });

  it('registers app:// as a standard, secure scheme and loads the window from it', () => {
    assert.deepEqual(r.schemes.map((s) => [s.scheme, s.privileges.standard, s.privileges.secure]), [['app', true, true]]);
    assert.deepEqual(r.loaded, ['app://nianbao/index.html']);
  });

  it('creates the window with isolation, sandbox, no Node, web security and the preload', () => {
    const p = r.windows[0].webPreferences;
    assert.equal(r.windows[0].title, '年报助手');
    assert.equal(p.contextIsolation, true);
    assert.equal(p.sandbox, true);
    assert.equal(p.nodeIntegration, false);
    assert.equal(p.webSecurity, true);
    assert.equal(p.webviewTag, false);
    assert.match(String(p.preload), /dist[\\/]main[\\/]preload\.cjs$/);
  });

  it('opens the window where it was last time, and remembers its bounds when it closes', () => {
    const w = r.windows[0];
    assert.deepEqual([w.x, w.y, w.width, w.height], [100, 50, 1100, 700]);
    // The stand-in window reports normal bounds 0,0 1280×840 when closed.
    assert.deepEqual(r.checks.windowStateAfterClose, { x: 0, y: 0, width: 1280, height: 840, maximized: false });
  });

  it('sets the Chinese menu', () => {
    assert.deepEqual(r.menu, ['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
  });

  it('registers every method of the contract once on IPC', () => {
    assert.deepEqual([...r.ipcChannels].sort(), API_METHODS.map((m) => `nianbao:${m}`).sort());
  });

  it('serves the renderer on app:// with the CSP; traversal and other hosts refused', () => {
    assert.equal(r.checks.index.status, 200);
    assert.match(r.checks.index.csp, /script-src 'self'/);
    assert.match(r.checks.index.type, /^text\/html/);
    assert.equal(r.checks.route.status, 200);
    // The URL parser already folds %2e%2e away (Chromium does the same for standard schemes);
    // either way nothing outside the renderer folder is served.
    assert.ok([400, 404].includes(r.checks.traversal.status), String(r.checks.traversal.status));
    assert.doesNotMatch(r.checks.traversal.body, /TOP SECRET/);
    assert.equal(r.checks.otherHost, 403);
  });

  it('answers IPC from our page only, parses arguments, uses the real store', () => {
    assert.equal(r.checks.appInfo.ok, true);
    assert.equal(r.checks.appInfo.value.host, 'electron');
    const [notice] = r.checks.appInfo.value.notices;
    assert.match(notice.damagedFile, /settings\.json\.damaged-/);
    assert.match(notice.message, /设置文件已损坏/);
    assert.equal(r.checks.foreign.ok, false);
    assert.equal(r.checks.foreign.error.code, 'forbidden');
    assert.equal(r.checks.noFrame.error.code, 'forbidden');
    assert.equal(r.checks.badArgs.error.code, 'invalid_argument');
    assert.equal(r.checks.created.ok, true);
    assert.equal(r.checks.list.value.length, 1);
    assert.deepEqual(r.checks.saveFileCancelled, { ok: true, value: { path: null } });
    assert.equal(r.checks.showInFolderRefused.error.code, 'forbidden', 'only files saved in this run can be revealed');
  });

  it('denies permissions, network requests, new windows, navigation away and webviews', () => {
    assert.equal(r.checks.permission, false);
    assert.equal(r.checks.permissionCheck, false);
    assert.deepEqual(r.checks.requests, { https: true, app: false, file: true });
    assert.deepEqual(r.checks.windowOpen, { action: 'deny' });
    assert.deepEqual(r.checks.navigate, { away: true, inside: false, redirect: true });
    assert.equal(r.checks.webview, true);
  });
});
