import { halfWidthAscii, halfWidthDigits } from '../ui/format.js';

/**
 * Checks of the office profile fields, with Chinese messages that say what to type. Pure, so
 * the settings form and any other form (the cover letter) share them.
 */

export const POSTCODE = /^\d{6}$/;
export const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
/** Landlines with area code and extension, mobiles, several numbers separated by 、 or ， */
export const PHONE = /^[0-9+()（）\-\s、，,转]{5,60}$/;
export const WEBSITE = /^(https?:\/\/)?[A-Za-z0-9\u4e00-\u9fff-]+(\.[A-Za-z0-9\u4e00-\u9fff-]+)+(:\d+)?(\/\S*)?$/;

export type FieldCheck = (value: string) => string | null;

export const CHECKS: Record<string, FieldCheck> = {
  postcode: (v) => (v === '' || POSTCODE.test(v) ? null : '邮编应为 6 位数字，例如 755100'),
  email: (v) => (v === '' || EMAIL.test(v) ? null : '电子邮箱格式不对，应类似 zhengfu@example.gov.cn'),
  phone: (v) => (v === '' || (PHONE.test(v) && (v.match(/\d/g)?.length ?? 0) >= 5) ? null : '电话只能填数字、区号短横线和括号，例如 0955-1234567'),
  website: (v) => (v === '' || WEBSITE.test(v) ? null : '网站地址格式不对，应类似 www.example.gov.cn'),
  deadline: (v) => {
    const m = /^(\d{2})-(\d{2})$/.exec(v);
    if (!m) return '请按“月-日”填写两位数字，例如 01-31';
    const month = Number(m[1]);
    const day = Number(m[2]);
    const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    return days !== undefined && day >= 1 && day <= days ? null : '没有这一天，请检查月份和日期，例如 01-31';
  },
};

/** What the clerk typed, as stored: full-width digits and Latin (typed with the Chinese IME) made ASCII. */
export const NORMALISE: Record<string, (v: string) => string> = {
  name: (v) => halfWidthDigits(v).trim(),
  county: (v) => halfWidthDigits(v).trim(),
  address: (v) => halfWidthDigits(v).trim(),
  postcode: (v) => halfWidthAscii(v).replace(/\s+/g, ''),
  phone: (v) => halfWidthAscii(v).trim(),
  email: (v) => halfWidthAscii(v).replace(/\s+/g, '').replace(/。/g, '.'),
  website: (v) => halfWidthAscii(v).trim().replace(/。/g, '.'),
  deadline: (v) => {
    const s = halfWidthAscii(v).trim().replace(/[月/.]/g, '-').replace(/日$/, '');
    const m = /^(\d{1,2})-(\d{1,2})$/.exec(s);
    return m ? `${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}` : s;
  },
};
