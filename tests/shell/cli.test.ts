import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/fixtures.js';
import { UsageError, intOption, parseArgv } from '../../main/cli/argv.js';
import { cliDataDir } from '../../main/cli/data-dir.js';
import { resolveDataDir } from '../../main/store/data-dir.js';

const BIN = join(ROOT, 'bin', 'nianbao.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('nianbao command line', () => {
  it('help lists every command in Chinese and exits 0', () => {
    const r = run('help');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /用法：nianbao <命令>/);
    for (const c of ['serve', 'list', 'import', 'check', 'export', 'next-year']) assert.match(r.stdout, new RegExp(`^  ${c} `, 'm'));
  });

  it('help <command> shows that command’s usage', () => {
    const r = run('help', 'serve');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /用法：nianbao serve \[--port/);
  });

  it('an unknown command is a usage error: Chinese message, exit 2', () => {
    const r = run('frobnicate');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /没有名为“frobnicate”的命令/);
  });

  it('no command prints the help on stderr and exits 2', () => {
    const r = run();
    assert.equal(r.status, 2);
    assert.match(r.stderr, /用法：nianbao <命令>/);
  });

  it('a bad option is a usage error with the command’s usage', () => {
    const r = run('serve', '--port', 'eighty');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /选项 --port 应为 0 到 65535 之间的整数/);
    assert.match(r.stderr, /用法：nianbao serve/);
    const u = run('serve', '--bogus');
    assert.equal(u.status, 2);
    assert.match(u.stderr, /不认识的选项 --bogus/);
  });
});

describe('option parsing', () => {
  const spec = { port: { type: 'string', short: 'p' }, 'no-open': { type: 'boolean' }, 'data-dir': { type: 'string' } } as const;

  it('reads --x v, --x=v, -x v, booleans and positionals', () => {
    const r = parseArgv(['a', '--port', '80', '--data-dir=/d', '--no-open', '-p', '81', '--', '--not-an-option'], spec);
    assert.deepEqual(r.options, { port: '81', 'data-dir': '/d', 'no-open': true });
    assert.deepEqual(r.positionals, ['a', '--not-an-option']);
  });

  it('refuses unknown options, missing values and values on booleans', () => {
    assert.throws(() => parseArgv(['--nope'], spec), (e: unknown) => e instanceof UsageError && /不认识的选项 --nope/.test(e.message));
    assert.throws(() => parseArgv(['--port'], spec), /需要一个值/);
    assert.throws(() => parseArgv(['--port', '--no-open'], spec), /需要一个值/);
    assert.throws(() => parseArgv(['--no-open=1'], spec), /不带值/);
  });

  it('checks integer ranges', () => {
    assert.equal(intOption('port', '0', 0, 65535), 0);
    assert.equal(intOption('port', undefined, 0, 65535), undefined);
    assert.throws(() => intOption('port', '70000', 0, 65535), UsageError);
    assert.throws(() => intOption('port', '-1', 0, 65535), UsageError);
  });
});

describe('data folder', () => {
  it('--data-dir beats NIANBAO_DATA_DIR beats the desktop default; relative to cwd', () => {
    const env = { NIANBAO_DATA_DIR: 'from-env', HOME: '/home/u' };
    assert.equal(cliDataDir('x', { env, cwd: '/w' }), '/w/x');
    assert.equal(cliDataDir(undefined, { env, cwd: '/w' }), '/w/from-env');
    assert.equal(cliDataDir(undefined, { env: {}, cwd: '/w' }), resolveDataDir({ env: {} }));
    assert.throws(() => cliDataDir(' ', { env, cwd: '/w' }), UsageError);
  });
});

describe('nianbao serve opens the browser', () => {
  // A real `xdg-open` stand-in first on PATH records what it was asked to open.
  it('starts the system opener with the printed address (token included) unless --no-open', { skip: process.platform !== 'linux' ? 'xdg-open is the Linux opener' : false, timeout: 60_000 }, async () => {
    const bin = mkdtempSync(join(tmpdir(), 'nianbao-opener-'));
    const record = join(bin, 'opened.txt');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${record}'\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-open-data-'));
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dataDir], {
      cwd: ROOT,
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, NIANBAO_DATA_DIR: '' },
    });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        let out = '';
        const t = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 30_000);
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n')) {
            clearTimeout(t);
            resolve(out.split('\n')[0]);
          }
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const url = first.replace(/^Nianbao: /, '');
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
      for (let i = 0; i < 100 && !(existsSync(record) && readFileSync(record, 'utf8').length > 0); i++) await new Promise((r) => setTimeout(r, 50));
      assert.equal(readFileSync(record, 'utf8'), url);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(bin, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
