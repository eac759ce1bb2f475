import { CELL_RULES } from './cells.js';
import { STRUCTURE_RULES } from './structure.js';
import { TABLE_A_RULES } from './table-a.js';
import { TABLE_B_RULES } from './table-b.js';
import { TABLE_C_RULES } from './table-c.js';
import { TEXT_RULES } from './text.js';
import type { Rule } from './types.js';

/** Every rule of spec/rules.md, in the order findings are listed. */
export const RULES: readonly Rule[] = [...STRUCTURE_RULES, ...CELL_RULES, ...TABLE_A_RULES, ...TABLE_B_RULES, ...TABLE_C_RULES, ...TEXT_RULES];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
