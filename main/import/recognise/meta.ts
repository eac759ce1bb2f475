import type { Cover, Office } from '../../../shared/model/report.js';
import { chineseNumber, unify } from './normalise.js';

/** Dates, contact details, office names and cover letters (pure). */

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A line that is only a date: 「2024年1月29日」, 「二〇二四年一月二十九日」, 「2024.1.29」 → 2024-01-29. */
export function dateLine(line: string): string | null {
  const s = unify(line).replace(/\s+/g, '');
  let m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})$/.exec(s);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  m = /^([〇零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/.exec(s);
  if (m) {
    const y = chineseNumber(m[1]);
    const mo = chineseNumber(m[2]);
    const d = chineseNumber(m[3]);
    if (y !== null && mo !== null && d !== null) return validDate(y, mo, d);
  }
  return null;
}

/** Who signs: a short line naming an office, 「兴庆区掌政镇人民政府」「XX镇人民政府办公室」. */
export function isSignatureLine(line: string): boolean {
  const s = unify(line).replace(/\s+/g, '');
  return s.length >= 3 && s.length <= 40 && !/[。，,；;：:]/.test(s) && /(政府|办公室|办事处|委员会|局|镇|乡|街道|中心)$/.test(s);
}

export function contactDetails(text: string): Partial<Office> {
  const s = unify(text).replace(/<(https?:\/\/[^>\s]+)>/g, '$1');
  const out: Partial<Office> = {};
  const addr = /地址\s*[:：]?\s*([^；;，,。\n)(（）]{4,80})/.exec(s);
  if (addr) out.address = addr[1].trim();
  const post = /(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})/.exec(s);
  if (post) out.postcode = post[1];
  const phone = /(?:联系电话|电话|咨询电话)\s*[:：]?\s*((?:\d{3,4}[-—－\s]?)?\d{7,8}(?:[-—－]\d{1,6})?)/.exec(s);
  if (phone) out.phone = phone[1].replace(/[—－]/g, '-').replace(/\s+/g, '');
  const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/.exec(s);
  if (email) out.email = email[0];
  const web = /(https?:\/\/[A-Za-z0-9.\-:/_%?=&#~]+)|(www\.[A-Za-z0-9.\-/_%?=&#~]+)/.exec(s);
  if (web) out.website = (web[1] ?? web[2]).replace(/[.)/]+$/, (m) => (m.startsWith('/') ? '/' : ''));
  return out;
}

const UNIT = /[省市州县区旗盟]$/;

/**
 * The office's full name: the place of the title followed by 人民政府, lengthened by the county
 * or city where the text itself writes it so (「银川市兴庆区掌政镇人民政府」).
 */
export function officeName(titlePlace: string | null, fullText: string): string | null {
  if (!titlePlace) return null;
  const place = titlePlace.replace(/\s+/g, '');
  if (!place) return null;
  const base = /人民政府$|政府$|办事处$|委员会$|局$/.test(place) ? place : `${place}人民政府`;
  const text = unify(fullText).replace(/\s+/g, '');
  let best = base;
  let at = text.indexOf(base);
  while (at >= 0) {
    // One more administrative unit written just before: the shortest 2–4 character name ending in a unit.
    for (const len of [3, 2, 4]) {
      if (at - len < 0) continue;
      const chunk = text.slice(at - len, at);
      if (UNIT.test(chunk) && /^[\u4e00-\u9fff]+$/.test(chunk) && !base.startsWith(chunk) && !/[的和在与及了将对为]/.test(chunk)) {
        const cand = chunk + base;
        if (cand.length > best.length) best = cand;
        break;
      }
    }
    at = text.indexOf(base, at + 1);
  }
  return best;
}

const DOC_NUMBER = /[\u4e00-\u9fff]{1,12}\s*[〔[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号/;

/** A line that belongs to a cover letter (上报函) rather than to the report. */
export function looksLikeCoverLine(line: string): boolean {
  const s = unify(line).trim();
  return DOC_NUMBER.test(line) || /^现将/.test(s) || /报送|请审阅|特此报告|请予审核|呈报/.test(s) || /^[\u4e00-\u9fff（）()]{2,40}[：:]$/.test(s);
}

export function readCover(lines: string[]): Cover {
  const cover: Cover = { docNumber: null, addressee: null, body: null, signer: null, date: null };
  const body: string[] = [];
  let letterhead: string | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const num = DOC_NUMBER.exec(line);
    if (num && !cover.docNumber && line.length <= num[0].length + 4) {
      cover.docNumber = num[0].replace(/\s+/g, '');
      continue;
    }
    if (!cover.addressee && /^[^。，,]{2,40}[：:]$/.test(line)) {
      cover.addressee = line.replace(/[：:]$/, '');
      continue;
    }
    const d = dateLine(line);
    if (d) {
      cover.date = d;
      continue;
    }
    if (isSignatureLine(line) && body.length === 0 && !cover.addressee) {
      // The letterhead (发文机关标志) above the document number.
      letterhead = letterhead ?? line;
      continue;
    }
    if (isSignatureLine(line) && body.length > 0) {
      cover.signer = line;
      continue;
    }
    if (/^[\u4e00-\u9fff]{2,40}$/.test(line) && !cover.addressee && body.length === 0 && /函|报告|通知/.test(line)) continue;
    body.push(line);
  }
  if (body.length) cover.body = body.join('\n');
  if (!cover.signer && letterhead) cover.signer = letterhead;
  return cover;
}
