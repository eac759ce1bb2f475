import { writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { toInterchange } from '../../../shared/model/interchange.js';
import { nextYearReport } from '../../../shared/model/next-year.js';
import { UsageError, parseArgv } from '../argv.js';
import type { CliCommand } from '../command.js';

const USAGE = 'nianbao next-year 去年的报告文件 [-o 输出文件|-]';

export const nextYearCommand: CliCommand = {
  name: 'next-year',
  summary: '以去年的报告为基础新建下一年度报告（写出 .nianbao.json），并列出正文中提到去年的地方',
  usage: USAGE,
  async run(argv, io) {
    const { options, positionals } = parseArgv(argv, { out: { type: 'string', short: 'o' } });
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `只能给出一个文件，多余的参数：${positionals.slice(1).join(' ')}` : '请给出去年的报告文件。');
    const file = resolve(io.cwd, positionals[0]);
    const [{ importPath }, { ApiError }] = await Promise.all([import('../../import/index.js'), import('../../../shared/api.js')]);
    let prev;
    try {
      prev = await importPath(file);
    } catch (e) {
      if (e instanceof ApiError) {
        io.stderr(`${e.message}\n`);
        return 2;
      }
      throw e;
    }
    if (prev.report.year === null) {
      io.stderr('去年的报告中没有找到年度，无法推算下一年度。请先导入并在报告信息中填写年度。\n');
      return 2;
    }
    const { report, mentions, notes } = nextYearReport(prev.report, null);
    const json = JSON.stringify(toInterchange(report), null, 2) + '\n';
    const stem = basename(file).replace(/\.nianbao\.json$/i, '').replace(/\.[^.]+$/, '').replace(/[-_ ]?\d{4}$/, '');
    const out = options.out ?? join(dirname(file), `${stem}-${report.year}.nianbao.json`);
    if (out === '-') io.stdout(json);
    else {
      try {
        writeFileSync(resolve(io.cwd, out), json, 'utf8');
      } catch {
        io.stderr(`无法写入“${out}”。请检查文件夹是否存在、是否有写入权限。\n`);
        return 2;
      }
      io.stderr(`已写出 ${report.year} 年度报告：${out}\n`);
    }
    for (const n of notes) io.stderr(`注意：${n}\n`);
    if (mentions.length) {
      io.stderr(`正文中还有 ${mentions.length} 处提到 ${prev.report.year} 年，请逐一确认：\n`);
      for (const m of mentions) io.stderr(`  ${m.path} [${m.start}-${m.end}]  …${m.excerpt.replace(/\n/g, ' ')}…\n`);
    }
    return 0;
  },
};
