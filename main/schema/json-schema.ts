import { z } from 'zod';
import { ReportSchema } from '../../shared/model/report.js';
import { getTemplate } from '../../shared/templates/index.js';
import type { FormatId, TableTemplate } from '../../shared/templates/index.js';

/** The rows (and for table 二 the columns) each format requires, from the template definitions. */
function tableShape(t: TableTemplate): Record<string, unknown> {
  const nullable = (s: Record<string, unknown>) => ({ anyOf: [s, { type: 'null' }] });
  const cell = { anyOf: [{ type: 'number' }, { type: 'null' }] };
  const props: Record<string, unknown> = {};
  for (const r of t.rows) {
    props[r.code] =
      t.storage === 'array'
        ? nullable({ type: 'array', items: cell, minItems: t.columnOrder.length, maxItems: t.columnOrder.length, description: r.label })
        : nullable({
            type: 'object',
            description: r.label,
            properties: Object.fromEntries(r.cells.map((c) => [c.col, { ...cell, description: c.label }])),
            required: r.cells.map((c) => c.col),
            additionalProperties: false,
          });
  }
  return nullable({ type: 'object', description: `${t.caption} ${t.title}`, properties: props, required: t.rows.map((r) => r.code), additionalProperties: false });
}

function formatRule(format: FormatId): Record<string, unknown> {
  const tables = getTemplate(format).tables;
  return {
    if: { properties: { format: { const: format } }, required: ['format'] },
    then: {
      properties: {
        tables: {
          properties: { active: tableShape(tables.active), applications: tableShape(tables.applications), reviews: tableShape(tables.reviews) },
        },
      },
    },
  };
}

/**
 * The JSON Schema of `nianbao/1`, generated from the one zod schema. `io: 'input'` describes
 * what a file may contain (sections 五/六 as a string or as parts; defaults may be omitted).
 * Row and column codes per format live in the template; the schema names them in its description.
 */
export function interchangeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReportSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'nianbao/1',
    title: '年报助手 政府信息公开工作年度报告 交换格式 nianbao/1',
    description:
      'A 《政府信息公开工作年度报告》 as JSON. null means "not present / not recognised", which is different from 0. ' +
      'tables.applications rows are arrays of 7 numbers in the order natural, commercial, research, publicInterest, legalService, otherOrg, total; ' +
      'tables.reviews rows (review, suitDirect, suitAfterReview) are arrays of 5: upheld, corrected, otherResult, pending, total. ' +
      'Row codes per format are listed in spec/format.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
    allOf: [formatRule('2021'), formatRule('2019')],
  };
}
