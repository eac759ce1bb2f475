import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkHandlers } from '../../main/api/check-handlers.js';
import { summarizeFindings } from '../../main/api/check-summary.js';
import type { AppContext } from '../../main/context.js';
import { openStore } from '../../main/store/index.js';
import { clone, goodReport, OFFICE, withCells } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-check-api-'));
const stores: { close(): Promise<void> }[] = [];
after(async () => {
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('checker API with the real store', () => {
  it('checkReport uses last year’s report of the same office and the deadline setting; getPreviousReport returns it', async () => {
    const store = await openStore(join(dir, 'data'));
    stores.push(store);
    const ctx: AppContext = { store, host: { kind: 'browser' }, version: 'test' };
    const api = checkHandlers(ctx);

    const last = withCells(goodReport(), [{ ref: { table: 'applications', row: 'carriedOut', col: 'natural' }, value: 1 }]);
    last.year = 2023;
    await store.createReport({ year: 2023, report: last });
    const now = clone(goodReport());
    now.issuedOn = '2025-02-10';
    const opened = await store.createReport({ year: 2024, report: now });

    const prev = await api.getPreviousReport({ id: opened.meta.id });
    assert.equal(prev?.year, 2023);

    const withId = await api.checkReport({ report: now, id: opened.meta.id });
    assert.deepEqual(
      withId.map((f) => f.rule),
      ['b.carriedIn', 's.deadline'],
    );
    // Without an id there is no previous year: only the deadline info remains.
    assert.deepEqual(
      (await api.checkReport({ report: now })).map((f) => f.rule),
      ['s.deadline'],
    );
    await store.saveSettings({ office: OFFICE, deadline: '02-15' });
    assert.deepEqual(
      (await api.checkReport({ report: now, id: opened.meta.id })).map((f) => f.rule),
      ['b.carriedIn'],
    );
  });

  it('summarizeFindings counts errors, warnings and infos for the report list', () => {
    assert.deepEqual(summarizeFindings(goodReport(), null), { errors: 0, warnings: 0, infos: 0 });
    const r = withCells(goodReport(), [{ ref: { table: 'applications', row: 'new', col: 'total' }, value: 3 }], false);
    r.issuedOn = '2025-03-01';
    assert.deepEqual(summarizeFindings(r, null), { errors: 2, warnings: 0, infos: 1 });
  });
});
