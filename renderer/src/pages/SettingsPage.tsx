import { App as AntApp, Alert, Button, Card, Form, Input, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/api.js';
import type { Office } from '../../../shared/model/report.js';
import { api } from '../api/client.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { halfWidthAscii, halfWidthDigits } from '../ui/format.js';
import { CHECKS, NORMALISE } from './settings-rules.js';

const FIELDS: { key: keyof Office; label: string; placeholder: string; help?: string; inputMode?: 'numeric' | 'tel' | 'email' | 'url' }[] = [
  { key: 'name', label: '机关名称', placeholder: '例如：中宁县恩和镇人民政府', help: '写全称，报告标题和落款会用到。' },
  { key: 'county', label: '所属县区', placeholder: '例如：宁夏回族自治区中卫市中宁县' },
  { key: 'address', label: '地址', placeholder: '例如：中宁县恩和镇政府街 1 号' },
  { key: 'postcode', label: '邮编', placeholder: '6 位数字', inputMode: 'numeric' },
  { key: 'phone', label: '电话', placeholder: '例如：0955-1234567', inputMode: 'tel' },
  { key: 'email', label: '电子邮箱', placeholder: '例如：zhengfu@example.gov.cn', inputMode: 'email' },
  { key: 'website', label: '网站', placeholder: '例如：www.example.gov.cn', inputMode: 'url' },
];

type Values = Record<keyof Office | 'deadline', string>;

/**
 * What was typed but not saved yet, kept across leaving the page (or the app closing), so that
 * going to the list half-way through loses nothing. Cleared by 保存 and by 放弃这些修改.
 */
const DRAFT_KEY = 'nianbao.settingsDraft';

function readDraft(): Partial<Values> | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    const v: unknown = raw ? JSON.parse(raw) : null;
    return v && typeof v === 'object' ? (v as Partial<Values>) : null;
  } catch {
    return null;
  }
}

function writeDraft(v: Partial<Values> | null): void {
  try {
    if (v) localStorage.setItem(DRAFT_KEY, JSON.stringify(v));
    else localStorage.removeItem(DRAFT_KEY);
  } catch {
    /* storage full or refused: the form still works */
  }
}

function sameValues(a: Partial<Values>, b: Partial<Values>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Values>;
  for (const k of keys) if ((a[k] ?? '').trim() !== (b[k] ?? '').trim()) return false;
  return true;
}

const rule = (key: string) => ({
  validator: async (_: unknown, v: string | undefined) => {
    const msg = CHECKS[key]?.((v ?? '').trim());
    if (msg) throw new Error(msg);
  },
});

/** 本机关信息: the office profile new reports are filled from, and the publishing deadline. */
export function SettingsPage({ onDone }: { onDone: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  /** The stored values as form values, to tell a draft from them. */
  const [storedValues, setStoredValues] = useState<Partial<Values>>({});
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .getSettings()
      .then((s) => {
        if (!live) return;
        setLoaded(s);
        const v: Partial<Values> = { deadline: s.deadline };
        for (const f of FIELDS) v[f.key] = s.office[f.key] ?? '';
        setStoredValues(v);
        const draft = readDraft();
        if (draft && !sameValues({ ...v, ...draft }, v)) {
          form.setFieldsValue({ ...v, ...draft });
          setRestored(true);
        } else {
          writeDraft(null);
          form.setFieldsValue(v);
        }
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [form]);

  const save = async (values: Values) => {
    if (!loaded) return;
    setBusy(true);
    try {
      const office: Office = { ...loaded.office };
      for (const f of FIELDS) {
        const v = NORMALISE[f.key](values[f.key] ?? '');
        office[f.key] = v === '' ? null : v;
      }
      const saved = await api.saveSettings({ office, deadline: NORMALISE.deadline(values.deadline ?? '01-31') || '01-31' });
      setLoaded(saved);
      const v: Partial<Values> = { deadline: saved.deadline };
      for (const f of FIELDS) v[f.key] = saved.office[f.key] ?? '';
      setStoredValues(v);
      form.setFieldsValue(v);
      writeDraft(null);
      setRestored(false);
      setError(null);
      message.success('本机关信息已保存');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="nb-settings-title" style={{ maxWidth: 760 }}>
      <h1 id="nb-settings-title" className="nb-page-title">
        本机关信息设置
      </h1>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {restored && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="已恢复上次填写但还没有保存的内容"
          description="请核对后点“保存”。"
          action={
            <Button
              size="small"
              onClick={() => {
                writeDraft(null);
                form.setFieldsValue(storedValues);
                setRestored(false);
              }}
            >
              放弃这些修改
            </Button>
          }
        />
      )}
      <Card size="small">
        {!loaded && !error ? (
          <Spin />
        ) : (
          <Form<Values>
            form={form}
            layout="horizontal"
            labelCol={{ flex: '120px' }}
            wrapperCol={{ flex: 'auto' }}
            onFinish={(v) => void save(v)}
            onValuesChange={(_, all: Values) => writeDraft(sameValues(all, storedValues) ? null : all)}
            validateTrigger={['onBlur', 'onSubmit']}
            requiredMark={false}
            scrollToFirstError={{ focus: true }}
          >
            <Typography.Paragraph type="secondary">新建报告时自动填入这些信息。全角数字会自动改为半角。</Typography.Paragraph>
            {FIELDS.map((f) => (
              <Form.Item
                key={f.key}
                name={f.key}
                label={f.label}
                extra={f.help}
                rules={CHECKS[f.key] ? [rule(f.key)] : []}
                normalize={(v: string) => (f.key === 'name' || f.key === 'county' || f.key === 'address' ? halfWidthDigits(v) : halfWidthAscii(v))}
              >
                <Input placeholder={f.placeholder} inputMode={f.inputMode} maxLength={f.key === 'address' || f.key === 'website' ? 400 : 200} allowClear />
              </Form.Item>
            ))}
            <Form.Item name="deadline" label="公开截止日期" extra="每年公布上一年度报告的截止日期（月-日），默认 01-31，即 1 月 31 日。" rules={[rule('deadline')]} getValueFromEvent={(e: { target: { value: string } }) => e.target.value}>
              <Input placeholder="01-31" style={{ width: 120 }} onBlur={(e) => form.setFieldValue('deadline', NORMALISE.deadline(e.target.value))} />
            </Form.Item>
            <Form.Item wrapperCol={{ offset: 0 }} style={{ marginBottom: 0 }}>
              <Space>
                <Button type="primary" htmlType="submit" loading={busy}>
                  保存
                </Button>
                <Button onClick={onDone}>返回报告列表</Button>
              </Space>
            </Form.Item>
          </Form>
        )}
      </Card>
    </section>
  );
}
