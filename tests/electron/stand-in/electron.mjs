// A recording stand-in for the Electron API surface main/electron uses. It enforces the
// lifecycle rules the real Electron enforces (schemes registered before ready; sessions,
// windows, screen and protocol handlers only after ready), records what the main process set
// up, then drives the recorded handlers and prints one JSON report on stdout.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const R = {
  order: [],
  errors: [],
  schemes: null,
  windows: [],
  loaded: [],
  menu: null,
  ipcChannels: [],
  checks: {},
};
let ready = false;
const appHandlers = {};
const ipc = {};
const protocolHandlers = {};
const instances = [];
const paths = { appData: process.env.FAKE_APP_DATA, userData: join(process.env.FAKE_APP_DATA, '年报助手'), documents: process.env.FAKE_APP_DATA };
const requireReady = (what) => {
  if (!ready) throw new Error(`${what} used before the app is ready`);
};

function fakeSession(name) {
  const s = { name, permissionRequest: null, permissionCheck: null, beforeRequest: null };
  return {
    _s: s,
    setPermissionRequestHandler: (fn) => (s.permissionRequest = fn),
    setPermissionCheckHandler: (fn) => (s.permissionCheck = fn),
    setDevicePermissionHandler: () => undefined,
    webRequest: { onBeforeRequest: (fn) => (s.beforeRequest = fn) },
    on: () => undefined,
  };
}
const defaultSession = fakeSession('default');

export const app = {
  isPackaged: false,
  setPath: (name, p) => (R.order.push(`app.setPath(${name})`), (paths[name] = p)),
  getPath: (name) => paths[name] ?? join(process.env.FAKE_APP_DATA, name),
  getAppPath: () => process.env.FAKE_APP_PATH,
  getVersion: () => '0.0.0-stand-in',
  // FAKE_SECOND_INSTANCE: another instance already holds the lock.
  requestSingleInstanceLock: () => (R.order.push('app.requestSingleInstanceLock'), !process.env.FAKE_SECOND_INSTANCE),
  enableSandbox: () => R.order.push('app.enableSandbox'),
  commandLine: {
    appendSwitch: (name, value) => {
      if (ready) throw new Error(`commandLine.appendSwitch(${name}) after ready has no effect`);
      R.order.push(`app.commandLine.appendSwitch(${name}=${value})`);
    },
  },
  on: (ev, fn) => (R.order.push(`app.on(${ev})`), (appHandlers[ev] = fn)),
  quit: () => {
    R.order.push('app.quit');
    // A second instance quits at once; nothing else would end this stand-in.
    if (process.env.FAKE_SECOND_INSTANCE) setTimeout(finish, 50);
  },
  exit: (code) => {
    R.order.push(`app.exit(${code})`);
    finish();
  },
  whenReady: () => {
    R.order.push('app.whenReady');
    return new Promise((r) => setTimeout(() => ((ready = true), r()), 5));
  },
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => {
    if (ready) throw new Error('registerSchemesAsPrivileged after ready');
    R.order.push('protocol.registerSchemesAsPrivileged');
    R.schemes = schemes;
  },
  handle: (scheme, fn) => {
    requireReady('protocol.handle');
    protocolHandlers[scheme] = fn;
  },
};

export const session = {
  get defaultSession() {
    requireReady('session.defaultSession');
    return defaultSession;
  },
  fromPartition: (name) => (requireReady('session.fromPartition'), fakeSession(name)),
};

export const ipcMain = {
  handle: (channel, fn) => (R.ipcChannels.push(channel), (ipc[channel] = fn)),
  removeHandler: (channel) => delete ipc[channel],
};

export class BrowserWindow {
  constructor(opts) {
    requireReady('new BrowserWindow');
    R.windows.push(opts);
    this.webContents = { print: () => undefined };
    this.handlers = {};
    instances.push(this);
  }
  once() {}
  on(ev, fn) {
    (this.handlers[ev] ??= []).push(fn);
  }
  maximize() {}
  isMinimized() {
    return true;
  }
  restore() {
    R.order.push('window.restore');
  }
  show() {
    R.order.push('window.show');
  }
  focus() {
    R.order.push('window.focus');
  }
  isMaximized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 840 };
  }
  async loadURL(url) {
    R.loaded.push(url);
    setTimeout(() => void drive().catch((e) => (R.errors.push(String(e?.stack ?? e)), finish())), 20);
  }
  static getAllWindows() {
    return [];
  }
}

export const Menu = { buildFromTemplate: (t) => ({ template: t }), setApplicationMenu: (m) => (R.menu = m.template.map((i) => i.label)) };
export const dialog = {
  showErrorBox: (title, msg) => R.errors.push(`${title}: ${msg}`),
  showMessageBox: async () => ({ response: 0 }),
  showSaveDialog: async () => ({ canceled: true }),
};
export const screen = { getAllDisplays: () => (requireReady('screen'), [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) };
export const shell = { openPath: async () => '', showItemInFolder: () => undefined };
export const contextBridge = {};
export const ipcRenderer = {};
export const nativeImage = {};

process.on('uncaughtException', (e) => {
  R.errors.push(String(e?.stack ?? e));
  finish();
});

async function drive() {
  const c = R.checks;
  // The app:// protocol as the window would use it.
  const get = async (path) => {
    const res = await protocolHandlers.app(new Request(`app://nianbao${path}`));
    return { status: res.status, csp: res.headers.get('content-security-policy'), type: res.headers.get('content-type'), body: await res.text() };
  };
  c.index = await get('/index.html');
  c.route = await get('/reports/x');
  c.traversal = await get('/%2e%2e/%2e%2e/secret.txt');
  c.otherHost = (await protocolHandlers.app(new Request('app://elsewhere/index.html'))).status;

  // IPC as the preload would call it, from our page and from a foreign frame.
  const ours = { senderFrame: { url: 'app://nianbao/index.html' } };
  const foreign = { senderFrame: { url: 'https://example.com/' } };
  c.appInfo = await ipc['nianbao:getAppInfo'](ours, undefined);
  c.foreign = await ipc['nianbao:getAppInfo'](foreign, undefined);
  c.noFrame = await ipc['nianbao:listReports']({ senderFrame: null }, undefined);
  c.badArgs = await ipc['nianbao:getReport'](ours, { id: '../../etc/passwd' });
  c.created = await ipc['nianbao:createReport'](ours, { year: 2024 });
  c.list = await ipc['nianbao:listReports'](ours, undefined);
  c.saveFileCancelled = await ipc['nianbao:saveFile'](ours, { suggestedName: 'a.pdf', dataBase64: 'JVBERi0=' });
  c.showInFolderRefused = await ipc['nianbao:showInFolder'](ours, { path: '/etc/passwd' });

  // Session policy.
  const s = defaultSession._s;
  c.permission = await new Promise((r) => s.permissionRequest({}, 'geolocation', r));
  c.permissionCheck = s.permissionCheck({}, 'media');
  const cancel = (url) => new Promise((r) => s.beforeRequest({ url }, (v) => r(v.cancel)));
  c.requests = { https: await cancel('https://example.com/a.js'), app: await cancel('app://nianbao/assets/a.js'), file: await cancel('file:///etc/passwd') };

  // Every WebContents: window.open denied, navigation away prevented.
  const wc = { openHandler: null, events: {} };
  appHandlers['web-contents-created']({}, { setWindowOpenHandler: (fn) => (wc.openHandler = fn), on: (ev, fn) => (wc.events[ev] = fn) });
  c.windowOpen = wc.openHandler({ url: 'https://example.com' });
  const prevented = (ev, url) => {
    let p = false;
    wc.events[ev]({ preventDefault: () => (p = true) }, url);
    return p;
  };
  c.navigate = { away: prevented('will-navigate', 'https://example.com/'), inside: prevented('will-navigate', 'app://nianbao/settings'), redirect: prevented('will-redirect', 'http://127.0.0.1/') };
  c.webview = prevented('will-attach-webview');

  // A second launch: the first window is restored, shown and focused.
  appHandlers['second-instance']({}, [], '');
  c.secondInstance = R.order.filter((o) => o.startsWith('window.'));

  // Closing the main window remembers its size and position (userData/window-state.json).
  for (const fn of instances[0].handlers.close ?? []) fn({ preventDefault: () => undefined });
  await new Promise((r) => setTimeout(r, 200));
  c.windowStateAfterClose = JSON.parse(await readFile(join(paths.userData, 'window-state.json'), 'utf8'));
  finish();
}

let finished = false;
function finish() {
  if (finished) return;
  finished = true;
  process.stdout.write(JSON.stringify(R) + '\n');
  process.exit(0);
}
