import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { API_METHODS, ApiError, IPC_CHANNEL_PREFIX } from '../../shared/api.js';
import type { ApiHandlers } from '../../shared/api.js';
import { dispatch, toErrorShape } from '../../main/ipc/dispatch.js';
import { buildExposedApi } from '../../main/ipc/exposed-api.js';
import { APP_START_URL, isAppUrl, isTrustedSender } from '../../main/ipc/sender.js';
import { isAllowedNavigation, isAllowedRequest } from '../../main/electron/policy.js';

// The IPC wrappers without Electron: the sender check, the envelope and the exposed surface.
// `dispatch` is what both ipcMain.handle and the HTTP server call.

const quiet = () => undefined;

/** Handlers of the real contract: each answers with its method name, so routing is visible. */
function echoHandlers(): ApiHandlers {
  const h: Record<string, (a: unknown) => Promise<unknown>> = {};
  for (const m of API_METHODS) h[m] = async (a) => ({ method: m, args: a });
  return h as ApiHandlers;
}

describe('IPC sender check', () => {
  it('accepts only frames on app://nianbao', () => {
    assert.equal(isTrustedSender({ url: APP_START_URL }), true);
    assert.equal(isTrustedSender({ url: 'app://nianbao/reports/x?y=1#z' }), true);
    for (const url of ['', 'file:///index.html', 'https://nianbao/', 'http://127.0.0.1:3000/', 'app://evil/', 'app://nianbao:99/', 'app://u:p@nianbao/', 'about:blank', 'devtools://devtools/', 'not a url'])
      assert.equal(isTrustedSender({ url }), false, url);
    assert.equal(isTrustedSender(null), false);
    assert.equal(isTrustedSender(undefined), false);
    assert.equal(isAppUrl(APP_START_URL), true);
  });
});

describe('navigation and request policy', () => {
  it('keeps navigation on app://', () => {
    assert.equal(isAllowedNavigation('app://nianbao/settings'), true);
    assert.equal(isAllowedNavigation('https://example.com/'), false);
    assert.equal(isAllowedNavigation('file:///etc/passwd'), false);
  });

  it('lets no request leave the machine', () => {
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:1/', 'ws://x/', 'wss://x/', 'ftp://x/', 'file:///etc/passwd', 'app://other/'])
      assert.equal(isAllowedRequest(url), false, url);
    for (const url of ['app://nianbao/assets/a.js', 'data:image/png;base64,AA==', 'blob:app://nianbao/123', 'devtools://devtools/bundled/x'])
      assert.equal(isAllowedRequest(url), true, url);
    assert.equal(isAllowedRequest('file:///tmp/p.pdf', { allowFile: 'file:///tmp/p.pdf' }), true);
    assert.equal(isAllowedRequest('file:///tmp/q.pdf', { allowFile: 'file:///tmp/p.pdf' }), false);
  });
});

describe('dispatch (the envelope both transports use)', () => {
  it('parses arguments with the contract and passes the parsed value on', async () => {
    const r = await dispatch(echoHandlers(), 'renameReport', { id: 'abc123', title: '  新标题 ' }, quiet);
    assert.deepEqual(r, { ok: true, value: { method: 'renameReport', args: { id: 'abc123', title: '新标题' } } });
    const none = await dispatch(echoHandlers(), 'listReports', null, quiet);
    assert.equal(none.ok, true);
  });

  it('invalid arguments never reach the handler: invalid_argument in Chinese', async () => {
    let called = false;
    const h = { ...echoHandlers(), getReport: async () => ((called = true), null) } as unknown as ApiHandlers;
    for (const raw of [{}, { id: '../../etc' }, { id: 'abc123', extra: 1 }, 'x', 42]) {
      const r = await dispatch(h, 'getReport', raw, quiet);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.equal(r.error.code, 'invalid_argument');
        assert.match(r.error.message, /^请求参数不正确/);
      }
    }
    assert.equal(called, false);
  });

  it('unknown methods, including prototype names, are not_found', async () => {
    for (const m of ['nope', '__proto__', 'constructor', 'toString']) {
      const r = await dispatch(echoHandlers(), m, {}, quiet);
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.error.code, 'not_found');
    }
  });

  it('ApiErrors cross as they are; other errors become internal/io without a stack', async () => {
    const h = {
      ...echoHandlers(),
      listReports: async () => {
        throw new ApiError('locked', '另一个窗口正在使用');
      },
      listTrash: async () => {
        throw new TypeError('secret internals at /home/x');
      },
      getSettings: async () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
    } as ApiHandlers;
    const logged: string[] = [];
    const log = (m: string) => void logged.push(m);
    assert.deepEqual(await dispatch(h, 'listReports', undefined, log), { ok: false, error: { code: 'locked', message: '另一个窗口正在使用' } });
    const internal = await dispatch(h, 'listTrash', undefined, log);
    assert.equal(internal.ok, false);
    if (!internal.ok) {
      assert.equal(internal.error.code, 'internal');
      assert.doesNotMatch(internal.error.message, /secret|home/);
      assert.match(internal.error.message, /意外错误/);
    }
    const io = await dispatch(h, 'getSettings', undefined, log);
    assert.equal(!io.ok && io.error.code, 'io');
    assert.deepEqual(logged, ['listTrash', 'getSettings']);
    assert.equal(toErrorShape('x', new ApiError('not_found', '找不到')).code, 'not_found');
  });

  it('undefined results cross as null (structured clone and JSON agree)', async () => {
    const h = { ...echoHandlers(), showInFolder: async () => undefined } as unknown as ApiHandlers;
    assert.deepEqual(await dispatch(h, 'showInFolder', { path: '/x' }, quiet), { ok: true, value: null });
  });
});

describe('preload surface', () => {
  it('one function per contract method, on the nianbao: channel, frozen', async () => {
    const calls: [string, unknown][] = [];
    const api = buildExposedApi(async (ch, a) => (calls.push([ch, a]), { ok: true, value: 1 }));
    assert.deepEqual(Object.keys(api).sort(), [...API_METHODS].sort());
    assert.ok(Object.isFrozen(api));
    assert.deepEqual(await api.getReport({ id: 'abc123' }), { ok: true, value: 1 });
    assert.deepEqual(calls, [[IPC_CHANNEL_PREFIX + 'getReport', { id: 'abc123' }]]);
  });
});
