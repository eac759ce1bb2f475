import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../main/electron/menu.js';
import { DEFAULT_STATE, STATE_FILE, fitToDisplays, loadWindowState, parseWindowState, saveWindowState } from '../../main/electron/window-state.js';
import { safeFileName } from '../../main/electron/host-services-names.js';

// The Electron shell's decisions, tested in plain Node (no Electron binary here).

describe('window state', () => {
  it('round-trips through an atomically written file, leaving no temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-ws-'));
    assert.deepEqual(await loadWindowState(dir), DEFAULT_STATE);
    const s = { x: 10, y: 20, width: 1000, height: 700, maximized: true };
    await saveWindowState(dir, s);
    assert.deepEqual(await loadWindowState(dir), s);
    assert.deepEqual(readdirSync(dir), [STATE_FILE]);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8')), s);
  });

  it('falls back to defaults for damaged or odd content, and enforces a minimum size', () => {
    assert.deepEqual(parseWindowState(''), DEFAULT_STATE);
    assert.deepEqual(parseWindowState('{"width": 12'), DEFAULT_STATE);
    assert.deepEqual(parseWindowState('[1,2]'), { ...DEFAULT_STATE });
    assert.deepEqual(parseWindowState('{"width": 100, "height": "x", "x": 5}'), { width: 800, height: DEFAULT_STATE.height, maximized: false });
  });

  it('keeps the window on a display that exists now', () => {
    const screen = [{ x: 0, y: 0, width: 1366, height: 728 }];
    assert.deepEqual(fitToDisplays({ x: 2000, y: 100, width: 1280, height: 840, maximized: false }, screen), { width: 1280, height: 728, maximized: false });
    assert.deepEqual(fitToDisplays({ x: 50, y: 40, width: 1000, height: 600, maximized: false }, screen), { x: 50, y: 40, width: 1000, height: 600, maximized: false });
  });
});

describe('application menu', () => {
  const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label);
  const noop = { about: () => undefined, openDataFolder: () => undefined };

  it('is in Chinese: 文件, 编辑, 视图, 帮助', () => {
    const t = menuTemplate(noop, { devTools: false, platform: 'linux' });
    assert.deepEqual(labels(t), ['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    const all = t.flatMap((m) => (m.submenu as MenuItemConstructorOptions[]).filter((i) => i.type !== 'separator'));
    for (const i of all) assert.match(String(i.label), /[\u4e00-\u9fff]/, `untranslated item ${i.role ?? ''}`);
    const edit = t[1].submenu as MenuItemConstructorOptions[];
    assert.deepEqual(edit.filter((i) => i.role).map((i) => [i.role, i.accelerator]).slice(0, 2), [['undo', 'CmdOrCtrl+Z'], ['redo', 'Ctrl+Y']]);
  });

  it('offers developer tools only when asked (unpackaged builds)', () => {
    const has = (devTools: boolean) => menuTemplate(noop, { devTools, platform: 'win32' }).some((m) => (m.submenu as MenuItemConstructorOptions[]).some((i) => i.role === 'toggleDevTools'));
    assert.equal(has(false), false);
    assert.equal(has(true), true);
  });
});

describe('save dialog names', () => {
  it('strips path separators and reserved characters from a suggested name', () => {
    assert.equal(safeFileName('../../etc/passwd'), '_.._etc_passwd');
    assert.equal(safeFileName('某某镇2024年政府信息公开工作年度报告.pdf'), '某某镇2024年政府信息公开工作年度报告.pdf');
    assert.equal(safeFileName('a:b*c?.docx'), 'a_b_c_.docx');
    assert.equal(safeFileName('...'), '年报');
  });
});
