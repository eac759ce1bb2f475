import { Button, DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/zh-cn';
import { memo, useState } from 'react';
import type { Office, Report } from '../../../shared/model/report.js';
import { generatePreamble, standardTitle } from '../../../shared/model/index.js';
import { useEditor } from './context.js';
import type { TextMark } from './findings-index.js';
import { marksSig } from './findings-index.js';
import { PlainText } from './PlainText.js';

const OFFICE_FIELDS: { key: keyof Office; label: string; placeholder: string }[] = [
  { key: 'name', label: '机关名称', placeholder: '如：中宁县恩和镇人民政府' },
  { key: 'county', label: '所属县（区）', placeholder: '如：中宁县' },
  { key: 'address', label: '地址', placeholder: '办公地址' },
  { key: 'postcode', label: '邮编', placeholder: '6 位数字' },
  { key: 'phone', label: '联系电话', placeholder: '如：0955-1234567' },
  { key: 'email', label: '电子邮箱', placeholder: '' },
  { key: 'website', label: '发布网站', placeholder: '门户网站网址' },
];

/**
 * The year as typed: digits are kept while the clerk types (「2」「20」… are not years yet), the
 * report takes the year once it is one (1990–2200); full-width digits count; leaving the box
 * with something else puts the report's year back.
 */
function YearInput({ year, onYear }: { year: number | null; onYear(y: number): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      className="nb-input nb-year"
      inputMode="numeric"
      maxLength={4}
      value={draft ?? (year === null ? '' : String(year))}
      data-path="year"
      aria-label="报告年度"
      aria-invalid={draft !== null && !/^\d{4}$/.test(draft) ? true : undefined}
      onChange={(e) => {
        const v = e.target.value.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/\D/g, '');
        setDraft(v);
        const y = Number(v);
        if (/^\d{4}$/.test(v) && y >= 1990 && y <= 2200) onYear(y);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

/**
 * 成文日期 with the app's Chinese date picker, not the browser's own box, whose format follows the
 * system language (mm/dd/yyyy on an English system). Shown as 2025年1月20日; typed as 2025-01-20,
 * 2025/01/20, 20250120 or 2025年1月20日, or picked from the calendar.
 */
dayjs.extend(customParseFormat);
dayjs.locale('zh-cn');
// Typed forms are taken as soon as they match, so none may match a prefix of another date:
// 2026-1-2 would be taken before the 0 of 2026-1-20 is typed. Hence two-digit months and days.
const DATE_FORMATS = ['YYYY年M月D日', 'YYYY-MM-DD', 'YYYY/MM/DD', 'YYYY.MM.DD', 'YYYYMMDD'];
function IssuedOnInput({ value, onChange }: { value: string | null; onChange(v: string): void }) {
  const day = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  return (
    <DatePicker
      className="nb-date"
      value={day?.isValid() ? day : null}
      format={DATE_FORMATS}
      placeholder="例如 2025年1月20日"
      aria-label="成文日期"
      data-path="issuedOn"
      onChange={(d: Dayjs | null) => onChange(d ? d.format('YYYY-MM-DD') : '')}
    />
  );
}

interface BasicProps {
  office: Office;
  year: number | null;
  title: string | null;
  issuedOn: string | null;
  signature: string | null;
  format: Report['format'];
  settingsOffice: Office | null;
  marks: Map<string, TextMark[]>;
}

/** 基本信息: the office profile as this report carries it, the year, the title and the 成文日期. */
function BasicInfoImpl({ office, year, title, issuedOn, signature, format, settingsOffice, marks }: BasicProps) {
  const ed = useEditor();
  const setOffice = (k: keyof Office, v: string) => ed.update((r) => ({ ...r, office: { ...r.office, [k]: v } }), `office.${k}`);
  return (
    <section id="nb-part-basic" className="nb-part" aria-labelledby="nb-h-basic">
      <h2 id="nb-h-basic" tabIndex={-1}>
        基本信息
      </h2>
      <div className="nb-form">
        <label className="nb-form-row">
          <span>报告年度</span>
          <YearInput year={year} onYear={(y) => ed.update((r) => ({ ...r, year: y }), 'year')} />
          <span className="nb-note">表格格式：{format === '2021' ? '2021 年版（国办公开办函〔2021〕30号）' : '2019 年版（国办公开办函〔2019〕60号）'}</span>
        </label>
        <div className="nb-form-row">
          <span>报告标题</span>
          <PlainText path="title" value={title ?? ''} label="报告标题" placeholder={`留空即为标准标题：${standardTitle(office.name, year)}`} line marks={marks.get('title')} />
        </div>
        <label className="nb-form-row">
          <span>成文日期</span>
          <IssuedOnInput value={issuedOn} onChange={(v) => ed.setText('issuedOn', v)} />
        </label>
        <div className="nb-form-row">
          <span>署名</span>
          <PlainText path="signature" value={signature ?? ''} label="发文机关署名" placeholder={`留空即为机关名称${office.name ? `：${office.name}` : ''}`} line marks={marks.get('signature')} />
        </div>
        <fieldset className="nb-office">
          <legend>机关信息（用于前言和联系方式）</legend>
          {OFFICE_FIELDS.map((f) => (
            <label key={f.key} className="nb-form-row">
              <span>{f.label}</span>
              <input className="nb-input" value={office[f.key] ?? ''} placeholder={f.placeholder} data-path={`office.${f.key}`} onChange={(e) => setOffice(f.key, e.target.value)} />
            </label>
          ))}
          {settingsOffice && (
            <Button
              size="small"
              onClick={() => ed.update((r) => ({ ...r, office: { ...r.office, ...Object.fromEntries(Object.entries(settingsOffice).filter(([, v]) => v)) } }))}
            >
              填入“设置”中的机关信息
            </Button>
          )}
        </fieldset>
      </div>
    </section>
  );
}

export const BasicInfo = memo(BasicInfoImpl, (a, b) => {
  const keys: (keyof BasicProps)[] = ['office', 'year', 'title', 'issuedOn', 'signature', 'format', 'settingsOffice'];
  if (keys.some((k) => a[k] !== b[k])) return false;
  for (const p of ['title', 'signature']) if (marksSig(a.marks.get(p)) !== marksSig(b.marks.get(p))) return false;
  return true;
});

interface PreambleProps {
  value: string;
  year: number | null;
  marks: TextMark[] | undefined;
}

/** 前言: generated from the office profile and the year, then the clerk's own text. */
function PreambleImpl({ value, year, marks }: PreambleProps) {
  const ed = useEditor();
  const regenerate = async () => {
    if (year === null) {
      ed.notify('请先在“基本信息”中填写报告年度。', 'warning');
      return;
    }
    if (value.trim() !== '') {
      const ok = await ed.confirm({
        title: '重新生成前言？',
        content: '前言将按“基本信息”中的机关信息和年度重新生成，现在的前言文字会被替换（可以按 Ctrl+Z 撤销）。',
        okText: '重新生成',
        cancelText: '保留现在的前言',
      });
      if (!ok) return;
    }
    ed.update((r) => ({ ...r, preamble: generatePreamble(r.office, year) }));
  };
  return (
    <section id="nb-part-preamble" className="nb-part" aria-labelledby="nb-h-preamble">
      <h2 id="nb-h-preamble" tabIndex={-1}>
        前言
      </h2>
      <p className="nb-hint">写明依据、统计期限、发布网站和联系方式。可以按机关信息自动生成，再自行修改。</p>
      <PlainText path="preamble" value={value} label="前言正文" placeholder="点“按机关信息生成前言”，或直接输入" marks={marks} minRows={5} />
      <Button onClick={() => void regenerate()}>{value.trim() ? '按机关信息重新生成前言' : '按机关信息生成前言'}</Button>
    </section>
  );
}

export const Preamble = memo(PreambleImpl, (a, b) => a.value === b.value && a.year === b.year && marksSig(a.marks) === marksSig(b.marks));
