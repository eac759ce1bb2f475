import { resolve } from 'node:path';
import type { ImportNote, ImportResult } from '../../../shared/import-types.js';
import { toInterchange } from '../../../shared/model/interchange.js';
import { reportTitle } from '../../../shared/model/title.js';
import { getTemplate } from '../../../shared/templates/index.js';
import { UsageError, parseArgv } from '../argv.js';
import type { CliCommand, CliIO } from '../command.js';
import { DATA_DIR_OPTION, cliDataDir } from '../data-dir.js';

const USAGE = 'nianbao import 文件 [--json] [--save] [--data-dir 数据文件夹]';

export function notesText(notes: ImportNote[]): string {
  const mark = { found: '✓ 找到', notFound: '✗ 没有找到', uncertain: '? 需核对' } as const;
  return notes
    .map((n) => `${mark[n.status]}  ${n.what}${n.detail ? `：${n.detail}` : ''}${n.source?.page ? `（第 ${n.source.page} 页）` : ''}`)
    .join('\n');
}

function summary(r: ImportResult): string {
  const rep = r.report;
  const tpl = getTemplate(rep.format).tables;
  const lines = [
    `文件：${r.source.fileName}（${r.source.kind}，${r.source.size} 字节）`,
    `标题：${reportTitle(rep)}`,
    `机关：${rep.office.name ?? '（未找到）'}    年度：${rep.year ?? '（未找到）'}    格式：${rep.format} 年格式`,
    `成文日期：${rep.issuedOn ?? '（未找到）'}`,
  ];
  for (const id of ['active', 'applications', 'reviews'] as const) {
    const t = rep.tables[id];
    if (!t) {
      lines.push(`${tpl[id].caption}：未找到`);
      continue;
    }
    const rows = Object.values(t);
    const found = rows.filter((x) => x !== null).length;
    lines.push(`${tpl[id].caption}：读到 ${found}/${rows.length} 行`);
  }
  lines.push('', notesText(r.notes.filter((n) => n.status !== 'found')) || '全部内容均已找到。');
  return lines.join('\n') + '\n';
}

async function readOrExit(file: string, io: CliIO): Promise<ImportResult | number> {
  const { importPath } = await import('../../import/index.js');
  const { ApiError } = await import('../../../shared/api.js');
  try {
    return await importPath(resolve(io.cwd, file));
  } catch (e) {
    if (e instanceof ApiError) {
      io.stderr(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: '导入去年的年度报告（Word、PDF、网页、文本或 .nianbao.json），显示识别结果或保存',
  usage: USAGE,
  async run(argv, io) {
    const { options, positionals } = parseArgv(argv, { json: { type: 'boolean' }, save: { type: 'boolean' }, ...DATA_DIR_OPTION });
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `只能导入一个文件，多余的参数：${positionals.slice(1).join(' ')}` : '请给出要导入的文件。');
    const res = await readOrExit(positionals[0], io);
    if (typeof res === 'number') return res;
    if (options.json) {
      io.stdout(JSON.stringify(toInterchange(res.report), null, 2) + '\n');
      io.stderr(notesText(res.notes) + '\n');
    } else if (!options.save) io.stdout(summary(res));
    if (options.save) {
      const dataDir = cliDataDir(options['data-dir'], io);
      const [{ acquireWriterLock }, { openStore }] = await Promise.all([import('../../store/lock.js'), import('../../store/index.js')]);
      const lock = await acquireWriterLock(dataDir);
      try {
        const store = await openStore(dataDir);
        try {
          const year = res.report.year ?? new Date().getFullYear() - 1;
          const opened = await store.createReport({ year, format: res.report.format, report: res.report });
          (options.json ? io.stderr : io.stdout)(`已保存为报告 ${opened.meta.id}：${opened.meta.title}\n数据文件夹：${dataDir}\n`);
        } finally {
          await store.close();
        }
      } finally {
        await lock.release();
      }
    }
    return 0;
  },
};
