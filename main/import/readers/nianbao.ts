import { fromInterchange } from '../../../shared/model/interchange.js';
import type { Report } from '../../../shared/model/report.js';
import { importFailed } from '../errors.js';
import { decodeText } from './decode.js';

/** Our own interchange file (`nianbao/1`): validated by the one schema, Chinese issues on failure. */
export function readInterchange(data: Uint8Array): Report {
  let json: unknown;
  try {
    json = JSON.parse(decodeText(data));
  } catch {
    throw importFailed('这个 .nianbao.json 文件不是有效的 JSON，可能已损坏。请重新导出后再导入。');
  }
  if (!json || typeof json !== 'object' || (json as { schema?: unknown }).schema !== 'nianbao/1') {
    throw importFailed('这个 JSON 文件不是年报助手的报告文件（缺少 "schema": "nianbao/1"）。请选择由年报助手导出的 .nianbao.json 文件。');
  }
  const res = fromInterchange(json);
  if (!res.ok) {
    const list = res.issues
      .slice(0, 5)
      .map((i) => `${i.path || '（根）'}：${i.message}`)
      .join('；');
    throw importFailed(`报告文件内容不符合格式要求，无法导入：${list}。请用年报助手重新导出该文件。`, res.issues);
  }
  return res.report;
}

export function looksLikeInterchange(data: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(data.subarray(0, 4096));
  return /^\s*\{/.test(head.replace(/^\uFEFF/, '')) && /"schema"\s*:\s*"nianbao\/1"/.test(decodeText(data.subarray(0, Math.min(data.length, 1 << 20))));
}
