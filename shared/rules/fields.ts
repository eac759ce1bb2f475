import type { Report } from '../model/report.js';
import { SECTION_IDS } from '../templates/index.js';
import type { SectionId } from '../templates/index.js';
import { compact, findMentions } from './prose-numbers.js';
import type { Compact, ProseMention } from './prose-numbers.js';
import type { TextField } from './types.js';

/** The bracketed prompts of the Word template offices pass around: （文字描述，收取信息处理费情况在此处报告。） */
const PLACEHOLDER = /[（(][^（）()]{0,60}(?:文字描述|在此处|此处填写|请填写|请在此)[^（）()]{0,60}[）)]/g;

/** True when a text holds nothing but whitespace and template prompts. */
export function isBlankText(text: string): boolean {
  return text.replace(PLACEHOLDER, '').trim() === '';
}

/**
 * What is read from one text, whatever field it is in. The editor checks on every keystroke and a
 * keystroke changes one field, so the scans of the other fields are remembered by their text
 * (a bounded cache; results depend on the text alone, so the checker stays a pure function).
 */
interface Scanned {
  blank: boolean;
  compact: Compact;
  mentions?: ProseMention[];
  /** The mentions with the path of the field they were found in, by path (reused while the text is unchanged). */
  located?: Map<string, LocatedMention[]>;
}

export type LocatedMention = ProseMention & { path: string; section?: SectionId };

/**
 * Two generations: the texts of the report being checked and those of the check before it. A
 * keystroke changes one field, so the other fields are found in the older generation, and the
 * versions of a paragraph typed over are dropped at once instead of filling a bounded cache: the
 * scans a cache keeps alive are what each young-generation GC has to copy, and they made the
 * keystroke check's p99. Whole Maps are dropped, never cleared or trimmed: V8 links a Map's
 * replaced hash table to its successor, so a table once promoted to the old generation would keep
 * every later scan reachable until the next full GC (cold check p99 3.4 ms instead of 0.9 ms).
 */
const GENERATION_LIMIT = 400;
let cache = new Map<string, Scanned>();
let older = new Map<string, Scanned>();

function rotate(): void {
  older = cache;
  cache = new Map();
}

function scan(text: string): Scanned {
  let hit = cache.get(text);
  if (hit === undefined) {
    hit = older.get(text) ?? { blank: isBlankText(text), compact: compact(text) };
    if (cache.size >= GENERATION_LIMIT) rotate();
    cache.set(text, hit);
  }
  return hit;
}

/** The counts stated in a text (prose-numbers.ts), scanned once per distinct text. */
export function mentionsOf(field: TextField): ProseMention[] {
  const s = scan(field.text);
  if (s.mentions === undefined) s.mentions = findMentions(field.text, s.compact);
  return s.mentions;
}

/** The mentions of a field, located by its path; the same array while the field's text is unchanged. */
export function locatedMentionsOf(field: TextField): LocatedMention[] {
  const s = scan(field.text);
  s.located ??= new Map();
  let list = s.located.get(field.path);
  if (list === undefined) {
    list = mentionsOf(field).map((m) => Object.assign({ path: field.path, section: field.section }, m));
    s.located.set(field.path, list);
  }
  return list;
}

/** For the benchmark's cold runs. */
export function clearTextCache(): void {
  cache = new Map();
  older = new Map();
}

const PROSE: ('overview' | 'problems' | 'other')[] = ['overview', 'problems', 'other'];

/** The report's text fields in document order, each compacted once for the prose rules. */
export function textFields(r: Report): TextField[] {
  rotate(); // a new check: what this report no longer holds is dropped with the older generation
  const out: TextField[] = [];
  const add = (path: string, text: string | null | undefined, role: TextField['role'], section?: SectionId) => {
    if (text === null || text === undefined || text === '') return;
    const s = scan(text);
    // A template prompt is not the clerk's text: rules see the field as absent.
    if (s.blank) return;
    out.push({ path, text, role, section, compact: s.compact });
  };
  add('title', r.title, 'title');
  add('preamble', r.preamble, 'preamble');
  for (const id of SECTION_IDS) {
    add(`headings.${id}`, r.headings?.[id], 'heading', id);
    if ((PROSE as string[]).includes(id)) {
      r.sections[id as (typeof PROSE)[number]].forEach((p, i) => {
        add(`sections.${id}.${i}.heading`, p.heading, 'partHeading', id);
        add(`sections.${id}.${i}.text`, p.text, 'partText', id);
      });
    }
  }
  add('signature', r.signature, 'signature');
  return out;
}
