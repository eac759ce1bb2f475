// The Electron main process (bundled to dist/main/electron-main.js). Thin glue: everything it
// decides is in small modules (policy, window-state, menu) that are tested without Electron.
import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, screen, shell } from 'electron';
import { createHandlers } from '../api/handlers.js';
import type { AppContext } from '../context.js';
import { registerApi } from '../ipc/register.js';
import { APP_START_URL } from '../ipc/sender.js';
import { openStore } from '../store/index.js';
import { resolveDataDir } from '../store/data-dir.js';
import { acquireWriterLock } from '../store/lock.js';
import { electronHost } from './host-services.js';
import { menuTemplate } from './menu.js';
import { registerAppScheme, handleAppProtocol } from './protocol.js';
import { hardenAllWebContents, hardenDefaultSession } from './security.js';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state.js';
import type { WindowState } from './window-state.js';

const TITLE = '年报助手';
let mainWindow: BrowserWindow | null = null;

/** `--data-dir DIR` / `--data-dir=DIR`, then NIANBAO_DATA_DIR, then Electron's userData. */
function dataDirFromArgs(argv: readonly string[]): string {
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--data-dir=')) flag = a.slice('--data-dir='.length);
    else if (a === '--data-dir' && argv[i + 1]) flag = argv[i + 1];
  }
  return resolveDataDir({ flag, env: process.env, electronUserData: app.getPath('userData') });
}

async function createMainWindow(stateDir: string): Promise<BrowserWindow> {
  const state = fitToDisplays(await loadWindowState(stateDir), screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    title: TITLE,
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 800,
    minHeight: 560,
    show: false,
    backgroundColor: '#ffffff',
    icon: join(app.getAppPath(), 'assets', 'icon.png'),
    webPreferences: {
      preload: join(app.getAppPath(), 'dist', 'main', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in new windows (denied anyway; this keeps the event from firing).
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let saveTimer: NodeJS.Timeout | undefined;
  const remember = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (win.isDestroyed()) return;
      const b = win.getNormalBounds();
      const s: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
      saveWindowState(stateDir, s).catch(() => undefined);
    }, 400);
  };
  for (const ev of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(ev as 'resize', remember);
  win.on('close', () => {
    clearTimeout(saveTimer);
    const b = win.getNormalBounds();
    saveWindowState(stateDir, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() }).catch(() => undefined);
  });
  await win.loadURL(APP_START_URL);
  return win;
}

async function start(): Promise<void> {
  hardenDefaultSession();
  const dataDir = dataDirFromArgs(process.argv);
  let lock: Awaited<ReturnType<typeof acquireWriterLock>>;
  try {
    lock = await acquireWriterLock(dataDir);
  } catch (e) {
    dialog.showErrorBox('年报助手无法启动', e instanceof Error ? e.message : String(e));
    app.exit(1);
    return;
  }
  const store = await openStore(dataDir);
  // Damaged files moved aside while opening: the window shows them (getAppInfo.notices), as in the browser mode.
  const ctx: AppContext = { store, host: electronHost(() => mainWindow), version: app.getVersion(), notices: store.notices };
  registerApi(createHandlers(ctx));
  handleAppProtocol(join(app.getAppPath(), 'dist', 'renderer'));

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        {
          about: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: '关于年报助手',
              message: `年报助手 ${app.getVersion()}`,
              detail: `政府信息公开工作年度报告的编写、校验、打印与报送。\n所有数据只保存在本机：${dataDir}`,
              buttons: ['确定'],
            }),
          openDataFolder: () => void shell.openPath(dataDir),
        },
        { devTools: !app.isPackaged, platform: process.platform },
      ),
    ),
  );

  mainWindow = await createMainWindow(app.getPath('userData'));
  mainWindow.on('closed', () => (mainWindow = null));

  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void (async () => {
      await store.close().catch(() => undefined);
      await Promise.resolve(lock.release()).catch(() => undefined);
      app.quit();
    })();
  });
}

// userData = <appData>/nianbao, the folder the CLI and the browser mode use by default
// (Electron would otherwise name it after productName, 年报助手).
app.setPath('userData', join(app.getPath('appData'), 'nianbao'));
registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  // Another window is open: it gets focused (second-instance) and this process leaves.
  app.quit();
} else {
  app.enableSandbox();
  // Chromium's own controls (the 成文日期 date picker, the text box context menu) in Chinese even on
  // a system set to another language: the whole UI is Chinese. Must be set before ready.
  app.commandLine.appendSwitch('lang', 'zh-CN');
  hardenAllWebContents();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      dialog.showErrorBox('年报助手无法启动', `${e instanceof Error ? e.message : String(e)}\n\n请重新启动；如果问题仍然存在，请把这条信息告诉技术支持。`);
      app.exit(1);
    });
}
