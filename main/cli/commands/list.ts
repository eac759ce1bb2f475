import { existsSync } from 'node:fs';
import type { ReportMeta } from '../../../shared/api.js';
import { parseArgv, UsageError } from '../argv.js';
import type { CliCommand } from '../command.js';
import { cliDataDir, DATA_DIR_OPTION } from '../data-dir.js';

const USAGE = 'nianbao list [--data-dir 数据文件夹] [--json] [--trash]';

/** 状态 as the report list shows it: the checker's counts at the last save. */
export function statusText(m: ReportMeta): string {
  const parts: string[] = [];
  if (m.deletedAt) parts.push('在回收站');
  if (m.importedFrom) parts.push('导入');
  const f = m.findings;
  if (!f) parts.push('未检查');
  else if (f.errors > 0) parts.push(`${f.errors} 处错误${f.warnings ? `、${f.warnings} 处提醒` : ''}`);
  else if (f.warnings > 0) parts.push(`${f.warnings} 处提醒`);
  else parts.push('检查通过');
  return parts.join('，');
}

function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Terminal columns: CJK and full-width characters take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function formatTable(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - width(c)))).join('  ').trimEnd()).join('\n') + '\n';
}

/** `nianbao list`: the stored reports. Reads only (no lock), so it works while the app is open. */
export const listCommand: CliCommand = {
  name: 'list',
  summary: '列出数据文件夹中保存的报告（--trash 列出回收站）',
  usage: USAGE,
  async run(argv, io) {
    const { options, positionals } = parseArgv(argv, { json: { type: 'boolean' }, trash: { type: 'boolean' }, ...DATA_DIR_OPTION });
    if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
    const dataDir = cliDataDir(options['data-dir'], io);

    let metas: ReportMeta[] = [];
    if (existsSync(dataDir)) {
      const { openStore } = await import('../../store/index.js');
      const store = await openStore(dataDir, { readOnly: true });
      try {
        metas = options.trash ? await store.listTrash() : await store.listReports();
        for (const n of store.notices) io.stderr(`${n.message}\n`);
      } finally {
        await store.close();
      }
    }

    if (options.json) {
      io.stdout(JSON.stringify(metas, null, 2) + '\n');
      return 0;
    }
    if (metas.length === 0) {
      io.stdout(`${options.trash ? '回收站是空的' : '还没有保存的报告'}（数据文件夹：${dataDir}）。\n`);
      return 0;
    }
    const rows = [
      ['编号', '机关', '年度', '格式', '最后保存', '状态'],
      ...metas.map((m) => [m.id, m.officeName ?? '（未填机关名称）', m.year === null ? '—' : String(m.year), `${m.format}年版`, localTime(m.updatedAt), statusText(m)]),
    ];
    io.stdout(formatTable(rows));
    io.stdout(`共 ${metas.length} 份${options.trash ? '（回收站）' : ''}。数据文件夹：${dataDir}\n`);
    return 0;
  },
};
