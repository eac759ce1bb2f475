import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { ApiError } from '../../../shared/api.js';
import type { ExportKind } from '../../../shared/api.js';
import type { Report } from '../../../shared/model/report.js';
import { exportFileName } from '../../../shared/model/title.js';
import { countFindings, checkReport } from '../../../shared/rules/index.js';
import { UsageError, parseArgv } from '../argv.js';
import type { CliCommand } from '../command.js';

const USAGE = 'nianbao export 报告文件 [--pdf 输出.pdf] [--docx 输出.docx] [--html 输出.html] [--cover] [--force]';

const KIND_LABEL: Record<'pdf' | 'docx' | 'html', string> = { pdf: ' PDF 文件', docx: ' Word 文件', html: '网页文件' };

/**
 * `nianbao export FILE`: any file the importer reads (our own .nianbao.json, .docx, .doc, .pdf,
 * web page, text) to PDF, Word and web page. Without an output option it writes the PDF with the
 * standard name in the current folder. Exit codes as every command: 0 written, 1 not written
 * because of characters no font has (--force writes anyway), 2 unreadable input, bad usage or
 * an output that cannot be written.
 */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: '把报告导出为 PDF、Word 或网页（按公文格式排版，可加上报函）',
  usage: USAGE,
  async run(argv, io) {
    const { options, positionals } = parseArgv(argv, {
      pdf: { type: 'string' },
      docx: { type: 'string' },
      html: { type: 'string' },
      cover: { type: 'boolean' },
      force: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? '请给出要导出的报告文件。' : '一次只能导出一个报告文件。');
    const abs = (p: string) => (isAbsolute(p) ? p : join(io.cwd, p));
    const input = positionals[0]!;

    let report: Report;
    try {
      const { importPath } = await import('../../import/index.js');
      report = (await importPath(abs(input))).report;
    } catch (e) {
      io.stderr(`${input}: 无法读取 — ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }

    const wanted: { kind: 'pdf' | 'docx' | 'html'; out: string }[] = [];
    for (const kind of ['pdf', 'docx', 'html'] as const) {
      const out = options[kind];
      if (out !== undefined) wanted.push({ kind, out });
    }
    if (wanted.length === 0) wanted.push({ kind: 'pdf', out: exportFileName(report, 'pdf') });

    const errors = countFindings(checkReport(report)).errors;
    if (errors > 0) io.stderr(`${input}: 检查发现 ${errors} 个错误，仍按原样导出。用 nianbao check ${input} 查看并改正后再报送。\n`);

    const { exportBytes, missingCharsMessage } = await import('../../export/index.js');
    const cover = options.cover ? (report.cover ?? {}) : null;
    let code = 0;
    for (const w of wanted) {
      let out;
      try {
        out = await exportBytes(report, w.kind as ExportKind, cover);
      } catch (e) {
        io.stderr(`${input}: 无法导出${KIND_LABEL[w.kind]} — ${e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e)}\n`);
        code = 2;
        continue;
      }
      if (out.missingChars.length > 0) {
        io.stderr(`${input}: ${missingCharsMessage(out.missingChars)}\n`);
        if (!options.force) {
          io.stderr(`没有写出 ${w.out}。确需导出（例如先打印草稿核对）时加上 --force。\n`);
          code = Math.max(code, 1);
          continue;
        }
      }
      try {
        await mkdir(dirname(abs(w.out)), { recursive: true });
        await writeFile(abs(w.out), out.data);
      } catch (e) {
        const c = (e as { code?: string }).code ?? '';
        io.stderr(`无法写入 ${w.out}（${c || '写入失败'}）。请换一个文件夹，或确认文件没有被 Word、WPS 等程序打开。\n`);
        code = 2;
        continue;
      }
      io.stdout(`已导出${KIND_LABEL[w.kind]}：${w.out}${out.pages !== undefined ? `（${out.pages} 页）` : ''}\n`);
    }
    return code;
  },
};
