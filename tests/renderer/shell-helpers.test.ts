import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECKS, NORMALISE } from '../../renderer/src/pages/settings-rules.js';
import { base64ToBytes, bytesToBase64 } from '../../renderer/src/host/base64.js';
import { defaultReportYear, excerpt, findingsStatus, formatChineseDate, halfWidthAscii } from '../../renderer/src/ui/format.js';
import { parseRoute, routeHash } from '../../renderer/src/ui/route.js';
import type { Route } from '../../renderer/src/ui/route.js';

// The shell's pure helpers: what the clerk types in the office profile, the address-bar routes,
// the renderer's base64 (files for import and export cross the API as base64), status words.

describe('office profile input', () => {
  it('full-width digits and letters typed with the Chinese IME are stored as ASCII', () => {
    assert.equal(NORMALISE.postcode('７５５ １００'), '755100');
    assert.equal(NORMALISE.phone('０９５５－５０１２３４５'), '0955-5012345');
    assert.equal(NORMALISE.email('ｅｎｈｅ＠ｅｘａｍｐｌｅ。ｇｏｖ。ｃｎ'), 'enhe@example.gov.cn');
    assert.equal(NORMALISE.address('政府街１号'), '政府街1号');
    assert.equal(halfWidthAscii('ＡＢ\u3000１'), 'AB 1');
  });

  it('the publishing deadline accepts 1-31, 1月31日, 01/31 and checks the day exists', () => {
    for (const v of ['1-31', '1月31日', '01/31', '１-３１']) assert.equal(NORMALISE.deadline(v), '01-31', v);
    assert.equal(CHECKS.deadline('01-31'), null);
    assert.equal(CHECKS.deadline('02-29'), null);
    assert.match(CHECKS.deadline('02-30')!, /没有这一天/);
    assert.match(CHECKS.deadline('131')!, /月-日/);
  });

  it('checks say what to type, in Chinese; empty fields are allowed', () => {
    assert.match(CHECKS.postcode('7551')!, /6 位数字/);
    assert.match(CHECKS.email('enhe-at-example')!, /电子邮箱格式不对/);
    assert.match(CHECKS.phone('电话')!, /电话只能填数字/);
    assert.equal(CHECKS.phone('0955-5012345、13800000000'), null);
    assert.equal(CHECKS.website('www.znzf.gov.cn'), null);
    assert.equal(CHECKS.website('https://www.znzf.gov.cn/xxgk/'), null);
    for (const k of ['postcode', 'email', 'phone', 'website']) assert.equal(CHECKS[k](''), null, k);
  });
});

describe('routes in the address bar', () => {
  it('every screen round-trips through its hash; anything else is the list', () => {
    const routes: Route[] = [{ name: 'list' }, { name: 'trash' }, { name: 'settings' }, { name: 'report', id: '2024-b9772701a2' }];
    for (const r of routes) assert.deepEqual(parseRoute(routeHash(r)), r);
    assert.deepEqual(parseRoute('#/report/../../etc'), { name: 'list' });
    assert.deepEqual(parseRoute(''), { name: 'list' });
  });
});

describe('renderer base64', () => {
  it('matches Node for sizes around the chunk boundaries, and round-trips', () => {
    for (const n of [0, 1, 2, 3, 0x8000 * 3 - 1, 0x8000 * 3, 0x8000 * 3 + 1, 250_001]) {
      const bytes = new Uint8Array(n);
      for (let i = 0; i < n; i++) bytes[i] = (i * 31 + (i >> 7)) & 0xff;
      const b64 = bytesToBase64(bytes);
      assert.equal(b64, Buffer.from(bytes).toString('base64'), `size ${n}`);
      assert.deepEqual(base64ToBytes(b64), bytes);
    }
  });
});

describe('status words', () => {
  it('checker counts, dates, the default year', () => {
    assert.deepEqual(findingsStatus(null), { text: '未检查', tone: 'default' });
    assert.deepEqual(findingsStatus({ errors: 2, warnings: 1, infos: 0 }), { text: '2 个错误，1 个警告', tone: 'error' });
    assert.deepEqual(findingsStatus({ errors: 0, warnings: 3, infos: 5 }), { text: '3 个警告', tone: 'warning' });
    assert.deepEqual(findingsStatus({ errors: 0, warnings: 0, infos: 5 }), { text: '通过', tone: 'success' });
    assert.equal(formatChineseDate('2025-01-05'), '2025年1月5日');
    assert.equal(formatChineseDate(null), '—');
    assert.equal(defaultReportYear(new Date(2027, 0, 10)), 2026, 'in January the clerk writes last year’s report');
    assert.equal(excerpt('一二三四五', 3), '一二三…');
  });
});
