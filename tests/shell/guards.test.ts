import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { hostAllowed, newToken, originAllowed, tokenMatches } from '../../main/server/guard.js';
import { CSP, resolveStatic } from '../../main/server/static.js';
import { bodyLimit } from '../../main/server/http-server.js';

describe('browser-mode guards', () => {
  it('tokens are random, URL-safe and long', () => {
    const a = newToken();
    const b = newToken();
    assert.notEqual(a, b);
    assert.match(a, /^[A-Za-z0-9_-]{32}$/);
  });

  it('token comparison accepts only the exact token', () => {
    const t = newToken();
    assert.equal(tokenMatches(t, t), true);
    assert.equal(tokenMatches(t, t.slice(0, -1)), false);
    assert.equal(tokenMatches(t, t + 'x'), false);
    assert.equal(tokenMatches(t, ''), false);
    assert.equal(tokenMatches(t, undefined), false);
    assert.equal(tokenMatches(t, [t, t]), false);
  });

  it('Host must be our loopback listener (DNS rebinding)', () => {
    assert.equal(hostAllowed('127.0.0.1:4000', 4000), true);
    assert.equal(hostAllowed('LOCALHOST:4000', 4000), true);
    assert.equal(hostAllowed('127.0.0.1:4001', 4000), false);
    assert.equal(hostAllowed('evil.example:4000', 4000), false);
    assert.equal(hostAllowed('127.0.0.1', 4000), false);
    assert.equal(hostAllowed(undefined, 4000), false);
  });

  it('Origin, when sent, must be ours (CSRF)', () => {
    assert.equal(originAllowed(undefined, 4000), true);
    assert.equal(originAllowed('http://127.0.0.1:4000', 4000), true);
    assert.equal(originAllowed('http://localhost:4000', 4000), true);
    assert.equal(originAllowed('https://127.0.0.1:4000', 4000), false);
    assert.equal(originAllowed('http://evil.example', 4000), false);
    assert.equal(originAllowed('null', 4000), false);
  });

  it('only imports get the large body limit', () => {
    assert.ok(bodyLimit('importFile') >= Math.ceil((200 * 1024 * 1024 * 4) / 3));
    assert.ok(bodyLimit('saveReport') <= 16 * 1024 * 1024);
  });

  it('the CSP allows no inline or remote script, no plugins, no framing', () => {
    assert.match(CSP, /script-src 'self'(;|$)/);
    assert.doesNotMatch(CSP, /unsafe-eval|https?:|\*/);
    assert.match(CSP, /object-src 'none'/);
    assert.match(CSP, /frame-ancestors 'none'/);
    assert.match(CSP, /base-uri 'none'/);
  });
});

describe('static file resolution', () => {
  const base = mkdtempSync(join(tmpdir(), 'nianbao-static-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>年报助手</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  writeFileSync(join(root, '.env'), 'x');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));

  it('serves files and falls back to index.html for routes', () => {
    assert.deepEqual(resolveStatic(root, '/assets/app.js'), { kind: 'file', path: join(root, 'assets', 'app.js'), spaFallback: false });
    assert.equal((resolveStatic(root, '/') as { path: string }).path, join(root, 'index.html'));
    assert.deepEqual(resolveStatic(root, '/reports/abc123'), { kind: 'file', path: join(root, 'index.html'), spaFallback: true });
    assert.deepEqual(resolveStatic(root, '/assets/missing.js'), { kind: 'not_found' });
  });

  it('never lists a directory', () => {
    const t = resolveStatic(root, '/assets/');
    assert.equal(t.kind === 'file' && t.path.endsWith('index.html'), true);
  });

  it('refuses traversal in every spelling, dot-files and symlinks out of the root', () => {
    for (const p of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/..%5csecret.txt', '/a\\..\\b', '/%00', '/.env', '/C:/x', '/%E0%A4%A'])
      assert.deepEqual(resolveStatic(root, p), { kind: 'bad_path' }, p);
    assert.deepEqual(resolveStatic(root, '/assets/link.txt'), { kind: 'not_found' });
  });

  it('says so when the renderer was not built', () => {
    assert.deepEqual(resolveStatic(join(base, 'nope'), '/'), { kind: 'no_build' });
  });
});
