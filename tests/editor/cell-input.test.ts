import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCellValue, normaliseCellText, parseCellInput } from '../../shared/editor/cell-input.js';

const value = (raw: string, kind: 'count' | 'signed' | 'money' = 'count') => {
  const r = parseCellInput(raw, kind);
  assert.equal(r.kind, 'value', `${raw} (${kind}) should be a value, got ${JSON.stringify(r)}`);
  return (r as { value: number | null }).value;
};
const refused = (raw: string, kind: 'count' | 'signed' | 'money' = 'count') => {
  const r = parseCellInput(raw, kind);
  assert.equal(r.kind, 'refused', `${raw} (${kind}) should be refused, got ${JSON.stringify(r)}`);
  const msg = (r as { message: string }).message;
  assert.match(msg, /[\u4e00-\u9fff]/, 'message is in Chinese');
  return msg;
};

describe('cell input', () => {
  it('reads full-width digits typed with a Chinese IME', () => {
    assert.equal(value('１２'), 12);
    assert.equal(value('１，２３４'), 1234);
    assert.equal(value('３．５', 'money'), 3.5);
    assert.equal(normaliseCellText(' １ ２ '), '12');
  });

  it('drops thousands separators and spaces of every kind', () => {
    assert.equal(value('1,234'), 1234);
    assert.equal(value('1，234，567'), 1234567);
    assert.equal(value(' 12 '), 12);
    assert.equal(value('\u300012\u00a0'), 12);
    assert.equal(value('1 000'), 1000);
  });

  it('blank is null (not filled in), not 0', () => {
    assert.equal(value(''), null);
    assert.equal(value('   '), null);
    assert.equal(value('0'), 0);
  });

  it('allows a minus only in 本年增/减 (signed)', () => {
    assert.equal(value('-3', 'signed'), -3);
    assert.equal(value('－３', 'signed'), -3);
    assert.equal(value('+2', 'signed'), 2);
    assert.match(refused('-3', 'count'), /负数/);
    assert.match(refused('-1.5', 'money'), /负数/);
  });

  it('counts are whole numbers; 12.0 is 12, 1.5 is refused', () => {
    assert.equal(value('12.0'), 12);
    assert.match(refused('1.5'), /整数/);
    assert.match(refused('1.5', 'signed'), /整数/);
    assert.equal(value('5件'), 5);
  });

  it('money in 万元 with up to four decimals', () => {
    assert.equal(value('1.2345', 'money'), 1.2345);
    assert.equal(value('96171.6', 'money'), 96171.6);
    assert.equal(value('.5', 'money'), 0.5);
    assert.equal(value('2万元', 'money'), 2);
    assert.match(refused('1.23456', 'money'), /四位小数/);
    assert.match(refused('500元', 'money'), /万元/);
  });

  it('refuses anything else with a message saying what to type', () => {
    assert.match(refused('abc'), /整数/);
    assert.match(refused('12a'), /整数/);
    assert.match(refused('十二'), /整数/);
    assert.match(refused('x', 'money'), /万元/);
    assert.match(refused('1e5'), /整数/);
    assert.match(refused('99999999999'), /太大/);
  });

  it('asks before reading 一 无 — / as 0', () => {
    for (const w of ['一', '无', '—', '/', '／', '-']) {
      const r = parseCellInput(w, 'count');
      assert.equal(r.kind, 'askZero', w);
      assert.match((r as { message: string }).message, /按 0 填写/);
    }
  });

  it('formats stored figures for the cell', () => {
    assert.equal(formatCellValue(null), '');
    assert.equal(formatCellValue(0), '0');
    assert.equal(formatCellValue(1.25), '1.25');
  });
});
