import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { ApiError } from '../../../shared/api.js';
import type { Finding, FindingLocation } from '../../../shared/findings.js';
import { SEVERITY_LABEL } from '../../../shared/findings.js';
import type { Report } from '../../../shared/model/report.js';
import { checkReport, countFindings } from '../../../shared/rules/index.js';
import { UsageError, parseArgv } from '../argv.js';
import type { CliCommand } from '../command.js';

const USAGE = 'nianbao check 文件或文件夹... [--previous 上年报告文件] [--deadline MM-DD] [--json]';

/** What a folder is searched for: every kind of file the importer reads. */
const IMPORTABLE = /\.(?:nianbao\.json|json|docx|doc|pdf|html?|mht|mhtml|txt|md)$/i;

export interface FileCheck {
  file: string;
  /** Why the file could not be read (Chinese); absent when it was checked. */
  error?: string;
  findings: Finding[];
  /** Office and year as read, for the summary and for pairing with last year's report. */
  office?: string | null;
  year?: number | null;
  /** The report the cross-year rules compared with, if any. */
  usedPrevious?: Report | null;
}

/** Files named on the command line, with folders replaced by the importable files inside them (sorted, recursive). */
export async function expandPaths(paths: string[], cwd: string): Promise<{ file: string; shown: string }[]> {
  const out: { file: string; shown: string }[] = [];
  const walk = async (dir: string, shownDir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue; // hidden files, Word's lock files
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p, join(shownDir, e.name));
      else if (e.isFile() && IMPORTABLE.test(e.name)) out.push({ file: p, shown: join(shownDir, e.name) });
    }
  };
  for (const given of paths) {
    const abs = isAbsolute(given) ? given : join(cwd, given);
    const st = await stat(abs).catch(() => null);
    if (st?.isDirectory()) await walk(abs, given);
    else out.push({ file: abs, shown: given });
  }
  return out;
}

const sameOffice = (a: Report, b: Report) => {
  const n = (r: Report) => (r.office.name ?? '').replace(/\s+/g, '');
  return n(a) === '' || n(b) === '' || n(a) === n(b);
};

/**
 * Reads and checks every file (the CLI and the batch bench both come here). Last year's report is
 * the `--previous` file when it is the same office, else a report of the same office for the year
 * before among the files checked together (a county folder often holds both years).
 */
export async function checkFiles(
  files: { file: string; shown: string }[],
  opts: { previous?: Report | null; deadline?: string } = {},
): Promise<FileCheck[]> {
  const { importPath } = await import('../../import/index.js');
  const read: { shown: string; report?: Report; error?: string }[] = [];
  for (const f of files) {
    try {
      read.push({ shown: f.shown, report: (await importPath(f.file)).report });
    } catch (e) {
      read.push({ shown: f.shown, error: e instanceof ApiError ? e.message : `无法读取：${e instanceof Error ? e.message : String(e)}` });
    }
  }
  const reports = read.flatMap((r) => (r.report ? [r.report] : []));
  return read.map((r) => {
    if (!r.report) return { file: r.shown, error: r.error, findings: [] };
    const report = r.report;
    const isPrevious = (p: Report) => p !== report && p.year !== null && report.year !== null && p.year === report.year - 1 && sameOffice(p, report) && (p.office.name ?? '') !== '';
    const previous =
      opts.previous && (opts.previous.year === null || report.year === null || opts.previous.year === report.year - 1) && sameOffice(opts.previous, report)
        ? opts.previous
        : (reports.find(isPrevious) ?? null);
    return { file: r.shown, findings: checkReport(report, { previous, deadline: opts.deadline }), office: report.office.name ?? null, year: report.year, usedPrevious: previous };
  });
}

/** `cell:applications/new/natural` · `text:preamble:126-147` · `section:other` · `report`: stable and greppable. */
export function formatLocation(l: FindingLocation | undefined): string {
  if (!l) return 'report';
  switch (l.kind) {
    case 'report':
      return 'report';
    case 'section':
      return `section:${l.section}`;
    case 'cell':
      return `cell:${l.ref.table}/${l.ref.row}/${l.ref.col}`;
    case 'text':
      return `text:${l.path}:${l.start}-${l.end}`;
  }
}

export function summaryLine(c: FileCheck): string {
  if (c.error !== undefined) return `${c.file}: 无法读取 — ${c.error}`;
  const n = countFindings(c.findings);
  const who = [c.office, c.year !== null && c.year !== undefined ? `${c.year}年度` : null].filter(Boolean).join(' ');
  if (n.errors + n.warnings + n.infos === 0) return `${c.file}: 通过，没有发现问题${who ? `（${who}）` : ''}`;
  return `${c.file}: ${n.errors} 个错误，${n.warnings} 个警告，${n.infos} 个提示${who ? `（${who}）` : ''}${n.errors ? '。有错误，县里会退回，请改正后再报送' : ''}`;
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: '检查年度报告（可一次检查多个文件或整个文件夹），列出县里会退回的问题',
  usage: USAGE,
  async run(argv, io) {
    const { options, positionals } = parseArgv(argv, { previous: { type: 'string' }, deadline: { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('请给出要检查的报告文件或文件夹。');
    if (options.deadline !== undefined && !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(options.deadline)) {
      throw new UsageError(`选项 --deadline 应为“月-日”，例如 01-31，而不是“${options.deadline}”。`);
    }
    let previous: Report | null = null;
    if (options.previous !== undefined) {
      const [p] = await expandPaths([options.previous], io.cwd);
      const { importPath } = await import('../../import/index.js');
      try {
        previous = (await importPath(p.file)).report;
      } catch (e) {
        io.stderr(`${options.previous}: 上年报告无法读取 — ${e instanceof Error ? e.message : String(e)}\n`);
        return 2;
      }
    }
    const files = await expandPaths(positionals, io.cwd);
    if (files.length === 0) {
      io.stderr(`在 ${positionals.join('、')} 中没有找到可以检查的报告文件（.docx .doc .pdf .html .mht .txt .nianbao.json）。\n`);
      return 2;
    }
    const results = await checkFiles(files, { previous, deadline: options.deadline });
    if (previous && !results.some((r) => r.usedPrevious === previous)) {
      io.stderr(
        `${options.previous}: 这是${previous.office.name ?? '（未写机关名称）'}${previous.year ?? ''}年度的报告，与所检查的报告不是同一机关的上一年度，没有用于跨年度检查。\n`,
      );
    }
    if (options.json) {
      io.stdout(JSON.stringify(results.map((r) => (r.error !== undefined ? { file: r.file, error: r.error, findings: [] } : { file: r.file, findings: r.findings })), null, 2) + '\n');
    } else {
      for (const r of results) {
        if (r.error !== undefined) {
          io.stderr(summaryLine(r) + '\n');
          continue;
        }
        for (const f of r.findings) io.stdout(`${r.file}: ${SEVERITY_LABEL[f.severity]} ${f.rule} ${formatLocation(f.locations[0])} ${f.message}\n`);
        io.stdout(summaryLine(r) + '\n');
      }
      if (results.length > 1) {
        const bad = results.filter((r) => r.error === undefined && r.findings.some((f) => f.severity === 'error')).length;
        const unreadable = results.filter((r) => r.error !== undefined).length;
        io.stdout(`共检查 ${results.length} 个文件：${bad} 个有错误${unreadable ? `，${unreadable} 个无法读取` : ''}。\n`);
      }
    }
    if (results.some((r) => r.error !== undefined)) return 2;
    return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  },
};
