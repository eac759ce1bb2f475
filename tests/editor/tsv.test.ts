import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanPastedText, countChars } from '../../shared/editor/text-paste.js';
import { formatTsv, isBlock, parseTsv } from '../../shared/editor/tsv.js';

describe('clipboard blocks (Excel / WPS)', () => {
  it('reads rows and cells as Excel writes them, with \\r\\n and a trailing line break', () => {
    assert.deepEqual(parseTsv('1\t2\t3\r\n4\t5\t6\r\n'), [
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    assert.deepEqual(parseTsv('7'), [['7']]);
    assert.deepEqual(parseTsv('1\t\t3\n'), [['1', '', '3']]);
  });

  it('reads quoted cells holding line breaks and quotes', () => {
    assert.deepEqual(parseTsv('"a\r\nb"\t"say ""hi"""\r\n'), [['a\nb', 'say "hi"']]);
  });

  it('round-trips through formatTsv', () => {
    const rows = [['1', 'x\ty'], ['', '"q"']];
    assert.deepEqual(parseTsv(formatTsv(rows)), rows);
    assert.equal(formatTsv([['1', '2'], ['3', '4']]), '1\t2\r\n3\t4');
  });

  it('tells a block from a single value', () => {
    assert.equal(isBlock('12'), false);
    assert.equal(isBlock('12\r\n'), false);
    assert.equal(isBlock('1\t2'), true);
    assert.equal(isBlock('1\r\n2'), true);
  });
});

describe('text pasted from Word / WPS', () => {
  it('keeps paragraph breaks and drops zero-width characters and Windows line ends', () => {
    const word = '　　第一段\u200b内容。\r\n\r\n\r\n\r\n　　第二段\ufeff内容。\u00a0 \r\n';
    assert.equal(cleanPastedText(word), '　　第一段内容。\n\n　　第二段内容。');
    assert.equal(cleanPastedText('a\u2029b'), 'a\nb');
  });

  it('counts characters without spaces and line breaks', () => {
    assert.equal(countChars('　　本年度\n未收取。'), 7);
  });
});
