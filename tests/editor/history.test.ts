import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canRedo, canUndo, createHistory, pushHistory, redo, undo } from '../../shared/editor/history.js';

describe('undo history', () => {
  it('undoes and redoes snapshots in order', () => {
    let h = createHistory('a');
    h = pushHistory(h, 'b', { now: 0 });
    h = pushHistory(h, 'c', { now: 10 });
    assert.equal(h.present, 'c');
    h = undo(h);
    assert.equal(h.present, 'b');
    h = undo(h);
    assert.equal(h.present, 'a');
    assert.equal(canUndo(h), false);
    assert.equal(undo(h), h);
    h = redo(redo(h));
    assert.equal(h.present, 'c');
    assert.equal(canRedo(h), false);
  });

  it('coalesces a burst of typing in one field into one step', () => {
    let h = createHistory('');
    for (const [i, s] of ['一', '一二', '一二三'].entries()) h = pushHistory(h, s, { group: 'text:preamble', now: i * 300 });
    assert.equal(h.past.length, 1);
    h = undo(h);
    assert.equal(h.present, '');
  });

  it('starts a new step after a pause, another field, or an undo', () => {
    let h = createHistory(0);
    h = pushHistory(h, 1, { group: 'x', now: 0 });
    h = pushHistory(h, 2, { group: 'x', now: 5000 });
    assert.equal(h.past.length, 2, 'pause');
    h = pushHistory(h, 3, { group: 'y', now: 5100 });
    assert.equal(h.past.length, 3, 'other field');
    h = undo(h);
    h = pushHistory(h, 4, { group: 'y', now: 5200 });
    assert.equal(h.past.length, 3);
    assert.equal(h.present, 4);
    assert.equal(canRedo(h), false, 'a new edit drops the redo branch');
  });

  it('keeps at most `limit` steps', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 20; i++) h = pushHistory(h, i, { now: i, limit: 5 });
    assert.equal(h.past.length, 5);
    assert.deepEqual(h.past, [15, 16, 17, 18, 19]);
  });
});
