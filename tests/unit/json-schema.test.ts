import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { interchangeJsonSchema } from '../../main/schema/json-schema.js';
import { blankReport, toInterchange } from '../../shared/model/index.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';

describe('JSON Schema of nianbao/1', () => {
  const shipped = JSON.parse(readFileSync(join(ROOT, 'schema', 'nianbao-1.schema.json'), 'utf8'));

  it('the shipped file is the one generated from the zod schema (run `npm run schema`)', () => {
    assert.deepEqual(shipped, JSON.parse(JSON.stringify(interchangeJsonSchema())));
  });

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(shipped);

  it('accepts every expected fixture and our own interchange output', () => {
    for (const name of ['zhongning-enhe-2024', 'longde-liancai-2019', 'huaian-city-2024', 'template-2021-blank', 'xingqing-zhangzheng-2023', 'yongning-lijun-2023']) {
      const doc = JSON.parse(readFileSync(join(FIXTURES, 'expected', `${name}.json`), 'utf8'));
      assert.ok(validate(doc), `${name}: ${ajv.errorsText(validate.errors)}`);
    }
    assert.ok(validate(JSON.parse(JSON.stringify(toInterchange(blankReport(2025, { name: '某镇人民政府' }))))), ajv.errorsText(validate.errors));
  });

  it('rejects a 2021 report carrying 2019 rows, and a row of the wrong length', () => {
    const r = JSON.parse(JSON.stringify(toInterchange(blankReport(2025, { name: '某镇人民政府' }))));
    r.tables.active.otherServices = { lastYear: 0, change: 0, decisions: 0 };
    assert.equal(validate(r), false);
    const r2 = JSON.parse(JSON.stringify(toInterchange(blankReport(2025, { name: '某镇人民政府' }))));
    r2.tables.applications.new = [1, 2, 3];
    assert.equal(validate(r2), false);
  });
});
