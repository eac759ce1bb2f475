import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, app, dialog, session, shell } from 'electron';
import { ApiError } from '../../shared/api.js';
import type { HostServices } from '../context.js';
import { writeFileDurable } from '../store/durable-file.js';
import { safeFileName } from './host-services-names.js';
import { hardenSession } from './security.js';

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.pdf': { name: 'PDF 文件', extensions: ['pdf'] },
  '.docx': { name: 'Word 文档', extensions: ['docx'] },
  '.html': { name: '网页', extensions: ['html'] },
  '.json': { name: '年报数据（JSON）', extensions: ['json'] },
};


/** The desktop host: save dialog, file manager, printing. */
export function electronHost(getWindow: () => BrowserWindow | null): HostServices {
  // showInFolder only for files this run saved: the renderer cannot make us reveal arbitrary paths.
  const saved = new Set<string>();
  let printFileUrl: string | undefined;
  const printSession = session.fromPartition('nianbao-print', { cache: false });
  hardenSession(printSession, { allowFile: () => printFileUrl });

  return {
    kind: 'electron',
    async saveFile(suggestedName, data) {
      const name = safeFileName(suggestedName);
      const filter = FILTERS[extname(name).toLowerCase()];
      const win = getWindow();
      const opts = { title: '保存文件', defaultPath: join(app.getPath('documents'), name), buttonLabel: '保存', filters: filter ? [filter] : [] };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      if (r.canceled || !r.filePath) return null;
      const path = resolve(r.filePath);
      try {
        await writeFileDurable(path, data);
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        throw new ApiError('io', `无法保存到“${path}”（${code || '写入失败'}）。请换一个文件夹，或确认文件没有被 Word、WPS 等程序打开。`);
      }
      saved.add(path);
      return path;
    },
    async showInFolder(path) {
      const p = resolve(path);
      if (!saved.has(p)) throw new ApiError('forbidden', '只能打开本次保存过的文件所在的文件夹。');
      shell.showItemInFolder(p);
    },
    async printPdf(data) {
      // Chromium's PDF viewer shows the document; print() opens the system print dialog
      // (printing a PDF document this way printed blank pages before electron/electron#43309,
      // fixed since Electron 30). The window is visible so the clerk sees what is printed and
      // can print again from the viewer's own button. Untested here: no Electron binary.
      const dir = await mkdtemp(join(tmpdir(), 'nianbao-print-'));
      const file = join(dir, `${randomBytes(6).toString('hex')}.pdf`);
      await writeFile(file, data);
      printFileUrl = pathToFileURL(file).href;
      const win = new BrowserWindow({
        title: '打印 — 年报助手',
        width: 900,
        height: 1000,
        parent: getWindow() ?? undefined,
        autoHideMenuBar: true,
        webPreferences: { session: printSession, plugins: true, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' },
      });
      win.on('closed', () => {
        printFileUrl = undefined;
        void rm(dir, { recursive: true, force: true });
      });
      await win.loadURL(printFileUrl);
      await new Promise<void>((done) => setTimeout(done, 800)); // the viewer renders after load
      win.webContents.print({ silent: false, printBackground: true }, () => undefined);
    },
  };
}
