import { Alert, Button, Form, InputNumber, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/api.js';
import { standardTitle } from '../../../shared/model/title.js';
import { api } from '../api/client.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { defaultReportYear } from '../ui/format.js';
import { navigate } from '../ui/route.js';

/** 新建报告: the year (default last year) and the format; the office profile is filled in by the store. */
export function NewReportDialog({ open, settings, onClose, onCreated }: { open: boolean; settings: Settings | null; onClose: () => void; onCreated: (id: string) => void }) {
  const [year, setYear] = useState<number | null>(defaultReportYear());
  const [format, setFormat] = useState<'2021' | '2019'>('2021');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (open) {
      setYear(defaultReportYear());
      setFormat('2021');
      setError(null);
    }
  }, [open]);

  const office = settings?.office.name?.trim() || null;
  const valid = year !== null && Number.isInteger(year) && year >= 1990 && year <= 2200;

  const create = async () => {
    if (!valid || busy) return;
    setBusy(true);
    try {
      const opened = await api.createReport({ year, format });
      onCreated(opened.meta.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="新建年度报告"
      okText="新建"
      cancelText="取消"
      onOk={() => void create()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: !valid }}
      destroyOnHidden
    >
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {settings !== null && !office && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="还没有填写本机关信息"
          description="报告标题、落款和联系方式会用到机关名称等信息。可以先新建，稍后在设置中补填。"
          action={
            <Button
              size="small"
              onClick={() => {
                onClose();
                navigate({ name: 'settings' });
              }}
            >
              去填写
            </Button>
          }
        />
      )}
      <Form layout="vertical" onFinish={() => void create()}>
        <Form.Item label="报告年度" htmlFor="nb-new-year" validateStatus={valid ? undefined : 'error'} help={valid ? '通常在每年 1 月编写上一年度的报告。' : '请填写 1990 至 2200 之间的年份'}>
          <InputNumber
            id="nb-new-year"
            autoFocus
            min={1990}
            max={2200}
            precision={0}
            value={year}
            onChange={(v) => setYear(typeof v === 'number' ? v : null)}
            onPressEnter={() => void create()}
            suffix="年"
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item label="报告格式">
          <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as '2021' | '2019')} aria-label="报告格式">
            <Radio value="2021">2021 年版（国办公开办函〔2021〕30号，现行）</Radio>
            <Radio value="2019">2019 年版</Radio>
          </Radio.Group>
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          标题：{standardTitle(office, year)}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
