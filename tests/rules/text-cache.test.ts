/**
 * The scans of text fields are remembered between checks (fields.ts) so that a keystroke
 * rescans one field only. Whatever the cache holds, a check must give what a check of the same
 * report with nothing remembered gives: the cache may only change the speed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Report } from '../../shared/model/index.js';
import { checkReport, clearTextCache } from '../../shared/rules/index.js';
import { clone, goodReport } from './helpers.js';

function fresh(r: Report) {
  clearTextCache();
  return checkReport(r);
}

function withOverview(r: Report, index: number, text: string): Report {
  const next = clone(r);
  next.sections.overview[index].text = text;
  return next;
}

describe('the text cache', () => {
  const good = goodReport();
  // The application count in the text no longer agrees with table 三: t.applications, located in the text.
  const wrong = withOverview(good, 2, '收到依申请公开3件，已办结，因政府信息公开申请引起行政复议1件，无行政诉讼情况。');

  it('gives the findings of an uncached check when two reports are checked in turn', () => {
    const expectGood = fresh(good);
    const expectWrong = fresh(wrong);
    assert.equal(expectWrong.filter((f) => f.rule === 't.applications').length, 1);
    for (let i = 0; i < 5; i++) {
      assert.deepEqual(checkReport(good), expectGood);
      assert.deepEqual(checkReport(wrong), expectWrong);
    }
  });

  it('locates a finding in the text as typed, keystroke after keystroke', () => {
    clearTextCache();
    let r = wrong;
    for (let i = 1; i <= 30; i++) {
      // Text typed in front of the phrase moves it: the location must follow.
      r = withOverview(r, 2, '字' + r.sections.overview[2].text);
      const got = checkReport(r).find((f) => f.rule === 't.applications');
      assert.ok(got, `keystroke ${i}`);
      const loc = got.locations.find((l) => l.kind === 'text');
      assert.ok(loc && loc.kind === 'text');
      assert.equal(loc.path, 'sections.overview.2.text');
      assert.equal(r.sections.overview[2].text.slice(loc.start, loc.end), '收到依申请公开3件');
      assert.deepEqual(checkReport(r), fresh(r));
    }
  });

  it('stays right for a report with more text fields than one generation holds', () => {
    const big = clone(wrong);
    for (let i = 0; i < 450; i++) big.sections.overview.push({ heading: `（${i}）`, text: `第${i}段，全年作出行政处罚8件。` });
    const expected = fresh(big);
    assert.deepEqual(checkReport(big), expected);
    assert.deepEqual(checkReport(good), fresh(good));
    assert.deepEqual(checkReport(big), expected);
  });
});
