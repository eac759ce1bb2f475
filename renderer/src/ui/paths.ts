import { SECTIONS } from '../../../shared/templates/index.js';

/** Where a text path of the report is, in words: 「一、总体情况 第2部分 正文」 (findings, year mentions). */
export function textPathLabel(path: string): string {
  const fixed: Record<string, string> = { title: '标题', preamble: '导语（开头段落）', issuedOn: '成文日期', signature: '落款', cover: '上报函' };
  if (fixed[path]) return fixed[path];
  const parts = path.split('.');
  if (parts[0] === 'headings' && parts[1]) {
    const s = SECTIONS.find((x) => x.id === parts[1]);
    return s ? `${s.numeral}、${s.heading} 的标题` : path;
  }
  if (parts[0] === 'sections' && parts[1]) {
    const s = SECTIONS.find((x) => x.id === parts[1]);
    const name = s ? `${s.numeral}、${s.heading}` : parts[1];
    const i = Number(parts[2]);
    const where = Number.isInteger(i) ? ` 第${i + 1}段` : '';
    const what = parts[3] === 'heading' ? ' 小标题' : parts[3] === 'text' ? ' 正文' : '';
    return `${name}${where}${what}`;
  }
  if (parts[0] === 'cover') return '上报函';
  return path;
}
