import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { ROOT } from '../helpers/fixtures.js';

// The boundary rules of eslint.config.js, exercised on code snippets placed (virtually) in each
// folder: the rule must fire where the boundary is crossed and stay quiet where it is not.

const eslint = new ESLint({ cwd: ROOT });

async function restricted(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint: process boundaries', { timeout: 60_000 }, () => {
  it('shared/ imports no Node, React, Ant Design or Electron, nor main/renderer', async () => {
    for (const imp of ["'node:fs'", "'fs'", "'path'", "'fs/promises'", "'react'", "'react-dom/client'", "'antd'", "'electron'", "'../main/context.js'", "'../../renderer/src/api/client.js'"])
      assert.ok((await restricted('shared/model/x.ts', `import * as m from ${imp};\nexport const y = m;\n`)).length >= 1, imp);
    assert.deepEqual(await restricted('shared/model/x.ts', "import { z } from 'zod';\nimport { API } from '../api.js';\nexport const y = [z, API];\n"), []);
  });

  it('renderer/ imports no Node or Electron, and nothing from main/', async () => {
    for (const imp of ["'node:path'", "'os'", "'electron'", "'../../main/api/handlers.js'"])
      assert.ok((await restricted('renderer/src/x.tsx', `import * as m from ${imp};\nexport const y = m;\n`)).length >= 1, imp);
    assert.deepEqual(await restricted('renderer/src/x.tsx', "import { Button } from 'antd';\nimport { api } from './api/client.js';\nexport const y = [Button, api];\n"), []);
  });

  it('main/ imports nothing from renderer/', async () => {
    assert.equal((await restricted('main/api/x.ts', "import { api } from '../../renderer/src/api/client.js';\nexport const y = api;\n")).length, 1);
  });

  it('raw ipcMain/ipcRenderer only in the typed wrappers', async () => {
    assert.equal((await restricted('main/electron/x.ts', "import { ipcMain } from 'electron';\nexport const y = ipcMain;\n")).length, 1);
    assert.equal((await restricted('main/electron/preload.ts', "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;\n")).length, 1);
    assert.equal((await restricted('tests/x.test.ts', "import { ipcMain } from 'electron';\nexport const y = ipcMain;\n")).length, 1);
    // Nor through the whole module: a default or namespace import would reach electron.ipcMain.
    assert.equal((await restricted('main/electron/x.ts', "import electron from 'electron';\nexport const y = electron;\n")).length, 1);
    assert.ok((await restricted('main/electron/x.ts', "import * as electron from 'electron';\nexport const y = electron.ipcMain;\n")).length >= 1);
    assert.deepEqual(await restricted('main/electron/x.ts', "import { app, BrowserWindow } from 'electron';\nexport const y = [app, BrowserWindow];\n"), []);
    assert.deepEqual(await restricted('main/ipc/register.ts', "import { ipcMain } from 'electron';\nexport const y = ipcMain;\n"), []);
    assert.deepEqual(await restricted('main/ipc/expose.ts', "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;\n"), []);
  });

  it("main/ never uses lowdb's presets (no fsync; memory only under NODE_ENV=test)", async () => {
    assert.equal((await restricted('main/store/x.ts', "import { JSONFilePreset } from 'lowdb/node';\nexport const y = JSONFilePreset;\n")).length, 1);
    assert.deepEqual(await restricted('main/store/x.ts', "import { Low } from 'lowdb';\nexport const y = Low;\n"), []);
  });

  it('renderer hooks follow the rules of hooks', async () => {
    const [r] = await eslint.lintText("import { useState } from 'react';\nexport function F(p: { a: boolean }) {\n  if (p.a) { const [x] = useState(0); return x; }\n  return 0;\n}\n", { filePath: join(ROOT, 'renderer/src/x.tsx') });
    assert.ok(r.messages.some((m) => m.ruleId === 'react-hooks/rules-of-hooks'));
  });
});
