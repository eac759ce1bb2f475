import { SECTIONS } from '../templates/index.js';
import type { FormatId } from '../templates/index.js';
import { emptyTables } from './cells.js';
import type { Office, Part, Report } from './report.js';
import { SCHEMA_ID } from './report.js';

function defaultParts(id: 'overview' | 'problems' | 'other'): Part[] {
  const s = SECTIONS.find((x) => x.id === id);
  const parts: Part[] = [{ heading: '', text: '' }];
  for (const h of s?.defaultParts ?? []) parts.push({ heading: h, text: '' });
  return parts;
}

/** A new report for a year: every cell blank (to be filled, not 0), sections with their usual sub-parts. */
export function blankReport(year: number, office: Office, format: FormatId = '2021'): Report {
  return {
    schema: SCHEMA_ID,
    format,
    year,
    title: null,
    office: { ...office },
    issuedOn: null,
    preamble: '',
    sections: { overview: defaultParts('overview'), problems: defaultParts('problems'), other: defaultParts('other') },
    signature: null,
    tables: emptyTables(format),
    cover: null,
  };
}
