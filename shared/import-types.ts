import type { Report } from './model/report.js';

/** What a file was read as. */
export type SourceKind = 'nianbao' | 'docx' | 'doc' | 'pdf' | 'html' | 'text';

/** Where in the source a thing was found: paragraph/table index of the neutral document, page for PDFs. */
export interface SourcePointer {
  block?: number;
  page?: number;
  /** A short piece of the source text, to show the clerk. */
  excerpt?: string;
}

export interface ImportNote {
  status: 'found' | 'notFound' | 'uncertain';
  /** What it concerns, in Chinese: 「标题」, 「表三」, 「成文日期」… */
  what: string;
  /** Optional detail: why uncertain, what was assumed. */
  detail?: string;
  /** The report field it concerns ('title', 'tables.applications', 'tables.applications.new.natural', …). */
  field?: string;
  source?: SourcePointer;
}

export interface ImportResult {
  report: Report;
  notes: ImportNote[];
  source: { fileName: string; kind: SourceKind; size: number };
}

/** A mention of the old year left in the text after 以此为基础新建下一年度报告, for the clerk to look at. */
export interface YearMention {
  path: string;
  start: number;
  end: number;
  excerpt: string;
}
