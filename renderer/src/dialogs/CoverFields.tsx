import { Input } from 'antd';
import type { Cover } from '../../../shared/model/report.js';
import { formatChineseDate, todayIso } from '../ui/format.js';

/** The 上报函 defaults: addressed to the county office, signed by the office, dated today. */
export function defaultCover(officeName: string | null | undefined, year: number | null, county?: string | null): Cover {
  return {
    docNumber: '',
    addressee: county ? `${county}人民政府办公室` : '',
    body: `现将我单位${year ?? ''}年政府信息公开工作年度报告报送你们，请审阅。`,
    signer: officeName ?? '',
    date: formatChineseDate(todayIso()),
  };
}

const FIELDS: { key: keyof Cover; label: string; placeholder: string; multiline?: boolean }[] = [
  { key: 'docNumber', label: '文号', placeholder: '例如：恩政发〔2027〕3号' },
  { key: 'addressee', label: '主送机关', placeholder: '例如：中宁县人民政府办公室' },
  { key: 'body', label: '正文', placeholder: '一段话', multiline: true },
  { key: 'signer', label: '落款', placeholder: '机关名称' },
  { key: 'date', label: '日期', placeholder: '例如：2027年1月20日' },
];

/** The few fields of the optional cover letter (上报函) printed as its own page before the report. */
export function CoverFields({ value, onChange }: { value: Cover; onChange: (c: Cover) => void }) {
  return (
    <div role="group" aria-label="上报函" style={{ display: 'grid', gridTemplateColumns: '80px 1fr', gap: '6px 8px', alignItems: 'start' }}>
      {FIELDS.map((f) => {
        const id = `nb-cover-${f.key}`;
        const v = value[f.key] ?? '';
        return [
          <label key={`${f.key}-l`} htmlFor={id} style={{ paddingTop: 4 }}>
            {f.label}
          </label>,
          f.multiline ? (
            <Input.TextArea key={f.key} id={id} value={v} placeholder={f.placeholder} autoSize={{ minRows: 2, maxRows: 6 }} onChange={(e) => onChange({ ...value, [f.key]: e.target.value })} />
          ) : (
            <Input key={f.key} id={id} value={v} placeholder={f.placeholder} onChange={(e) => onChange({ ...value, [f.key]: e.target.value })} />
          ),
        ];
      })}
    </div>
  );
}
