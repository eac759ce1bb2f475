import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../helpers/fixtures.js';

// `nianbao serve` as a real child process, on a real data folder, spoken to over real HTTP.

const BIN = join(ROOT, 'bin', 'nianbao.mjs');
const FIRST_LINE = /^Nianbao: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+)$/;

/** A built renderer stand-in (the real one is built by the UI helpers), and a file outside it. */
function staticFixture(): string {
  const base = mkdtempSync(join(tmpdir(), 'nianbao-web-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><meta charset="utf-8"><title>年报助手</title><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("nianbao")');
  writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
  return root;
}

interface Serve {
  child: ChildProcessWithoutNullStreams;
  port: number;
  token: string;
  stderr: () => string;
  stop(): Promise<number | null>;
}

function startServe(dataDir: string, staticDir: string): Promise<Serve> {
  const child = spawn(process.execPath, [BIN, 'serve', '--no-open', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, NIANBAO_RENDERER_DIR: staticDir, NIANBAO_DATA_DIR: '' },
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start: ${out} ${err}`));
    }, 30_000);
    const early = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${code}: ${err}`));
    };
    child.once('exit', early);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      child.off('exit', early);
      const m = FIRST_LINE.exec(out.slice(0, nl));
      if (!m) return reject(new Error(`unexpected first line: ${JSON.stringify(out.slice(0, nl))}`));
      resolve({
        child,
        port: Number(m[1]),
        token: m[2],
        stderr: () => err,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}

interface Res {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json: () => { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

function http(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
      });
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

function api(s: Serve, method: string, args: unknown, headers: Record<string, string> = {}): Promise<Res> {
  return http(s.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': s.token, ...headers },
    body: JSON.stringify(args ?? {}),
  });
}

describe('nianbao serve (browser mode)', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-serve-'));
  const staticDir = staticFixture();
  let s: Serve;

  before(async () => {
    s = await startServe(dataDir, staticDir);
  });
  after(async () => {
    if (s.child.exitCode === null) await s.stop();
  });

  it('prints the address with a fresh token as its first line, on an ephemeral port', () => {
    assert.ok(s.port > 0);
    assert.ok(s.token.length >= 32);
  });

  it('refuses API calls without the token or with a wrong one: 401', async () => {
    const none = await http(s.port, { method: 'POST', path: '/api/listReports', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(none.status, 401);
    assert.equal(none.json().ok, false);
    assert.equal(none.json().error?.code, 'forbidden');
    assert.match(none.json().error?.message ?? '', /访问令牌无效/);
    const wrong = await api({ ...s, token: s.token.slice(0, -2) + 'xx' }, 'listReports', {});
    assert.equal(wrong.status, 401);
    const longer = await api({ ...s, token: s.token + 'a' }, 'listReports', {});
    assert.equal(longer.status, 401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (CSRF): 403, even with the token', async () => {
    const host = await api(s, 'listReports', {}, { Host: `evil.example:${s.port}` });
    assert.equal(host.status, 403);
    assert.equal(host.json().error?.code, 'forbidden');
    const page = await http(s.port, { path: '/', headers: { Host: `attacker.test:${s.port}` } });
    assert.equal(page.status, 403);
    const origin = await api(s, 'listReports', {}, { Origin: 'http://evil.example' });
    assert.equal(origin.status, 403);
    const otherPort = await api(s, 'listReports', {}, { Origin: `http://127.0.0.1:${s.port + 1}` });
    assert.equal(otherPort.status, 403);
    const ours = await api(s, 'listReports', {}, { Origin: `http://localhost:${s.port}`, Host: `localhost:${s.port}` });
    assert.equal(ours.status, 200);
  });

  it('answers a valid call with the envelope', async () => {
    const r = await api(s, 'getAppInfo', {});
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /application\/json/);
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.deepEqual(r.json(), { ok: true, value: { host: 'browser', version: JSON.parse((await import('node:fs')).readFileSync(join(ROOT, 'package.json'), 'utf8')).version, dataDir, notices: [] } });
  });

  it('parses arguments with the contract: invalid_argument in Chinese', async () => {
    const r = await api(s, 'createReport', { year: 'next' });
    assert.equal(r.status, 400);
    assert.equal(r.json().error?.code, 'invalid_argument');
    assert.match(r.json().error?.message ?? '', /^请求参数不正确/);
    const extra = await api(s, 'getReport', { id: 'abcdef', sneaky: true });
    assert.equal(extra.json().error?.code, 'invalid_argument');
    const bad = await http(s.port, { method: 'POST', path: '/api/listReports', headers: { 'X-Nianbao-Token': s.token }, body: '{not json' });
    assert.equal(bad.status, 400);
    assert.match(bad.json().error?.message ?? '', /不是有效的 JSON/);
  });

  it('unknown methods are 404, GET on the API is 405, oversized bodies are 413', async () => {
    const unknown = await api(s, 'dropAllTables', {});
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json().error?.code, 'not_found');
    const proto = await api(s, '__proto__', {});
    assert.equal(proto.json().error?.code, 'not_found');
    const get = await http(s.port, { path: '/api/listReports', headers: { 'X-Nianbao-Token': s.token } });
    assert.equal(get.status, 405);
    const big = await http(s.port, {
      method: 'POST',
      path: '/api/saveReport',
      headers: { 'X-Nianbao-Token': s.token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'abcdef', report: { x: 'x'.repeat(17 * 1024 * 1024) } }),
    });
    assert.equal(big.status, 413);
    assert.equal(big.json().error?.code, 'invalid_argument');
  });

  it('serves the renderer with a strict CSP, nosniff, and the SPA fallback', async () => {
    const index = await http(s.port, { path: '/?token=abc' });
    assert.equal(index.status, 200);
    assert.match(index.body, /<title>年报助手<\/title>/);
    const csp = String(index.headers['content-security-policy']);
    for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "connect-src 'self'"]) assert.ok(csp.includes(d), d);
    assert.equal(index.headers['x-content-type-options'], 'nosniff');
    assert.equal(index.headers['referrer-policy'], 'no-referrer');
    const js = await http(s.port, { path: '/assets/app.js' });
    assert.equal(js.status, 200);
    assert.match(String(js.headers['content-type']), /^text\/javascript/);
    const route = await http(s.port, { path: '/reports/2024-abc' });
    assert.equal(route.status, 200);
    assert.match(route.body, /年报助手/);
    assert.equal((await http(s.port, { path: '/assets/nope.js' })).status, 404);
    const dir = await http(s.port, { path: '/assets/' });
    assert.doesNotMatch(dir.body, /app\.js/); // no listing
    // The renderer has no favicon: the app icon (assets/icon.png) is served for the browser tab.
    const icon = await http(s.port, { path: '/favicon.ico' });
    assert.equal(icon.status, 200);
    assert.equal(icon.headers['content-type'], 'image/png');
    assert.equal(icon.body.slice(1, 4), 'PNG');
  });

  it('refuses path traversal', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt']) {
      const r = await http(s.port, { path });
      assert.equal(r.status, 400, path);
      assert.doesNotMatch(r.body, /TOP SECRET/);
    }
  });

  it('holds the writer lock: a second serve on the same folder is refused with a Chinese message', async () => {
    const second = spawn(process.execPath, [BIN, 'serve', '--no-open', '--port', '0', '--data-dir', dataDir], { cwd: ROOT, env: { ...process.env, NIANBAO_RENDERER_DIR: staticDir } });
    let out = '';
    let err = '';
    second.stdout.on('data', (c: Buffer) => (out += c.toString()));
    second.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((r) => second.once('exit', (c) => r(c)));
    assert.equal(code, 1);
    assert.equal(out, '');
    assert.match(err, /正在使用这个数据文件夹/);
  });

  it('stores through the real store: created reports survive a restart on the same folder', async () => {
    const created = await api(s, 'createReport', { year: 2024 });
    assert.equal(created.status, 200, created.body);
    const id = (created.json().value as { meta: { id: string } }).meta.id;
    const before = await api(s, 'listReports', {});
    assert.deepEqual((before.json().value as { id: string }[]).map((m) => m.id), [id]);

    assert.equal(await s.stop(), 0);
    assert.equal(existsSync(join(dataDir, 'nianbao.lock')), false, 'the lock is released on SIGTERM');
    s = await startServe(dataDir, staticDir);
    const afterRestart = await api(s, 'listReports', {});
    assert.deepEqual((afterRestart.json().value as { id: string }[]).map((m) => m.id), [id]);
    const got = await api(s, 'getReport', { id });
    assert.equal((got.json().value as { meta: { year: number } }).meta.year, 2024);
  });
});
