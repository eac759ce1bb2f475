import { Alert, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { RecoveryNotice } from '../../../shared/api.js';
import { api } from '../api/client.js';
import { navigate } from './route.js';

/**
 * Damaged files the store moved aside when it opened (the settings file, the report index): told
 * once at the top of every screen until the clerk dismisses it, with where the damaged file now
 * is. A damaged report file is told where the report is opened (ReportRoute).
 */
export function StoreNotices() {
  const [notices, setNotices] = useState<RecoveryNotice[]>([]);
  useEffect(() => {
    let live = true;
    api
      .getAppInfo()
      .then((info) => live && setNotices(info.notices ?? []))
      // Without the notices the app still works; the server printed them as well.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (notices.length === 0) return null;
  return (
    <div role="region" aria-label="数据文件恢复提示" style={{ marginBottom: 12 }}>
      {notices.map((n, i) => (
        <Alert
          key={`${n.damagedFile}-${i}`}
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 8 }}
          title="有数据文件损坏，已自动处理"
          description={
            <>
              <div>{n.message}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                损坏的文件：<Typography.Text code copyable={{ text: n.damagedFile, tooltips: ['复制路径', '已复制'] }}>{n.damagedFile}</Typography.Text>
              </Typography.Text>
              {/设置|机关信息/.test(n.message) && (
                <div style={{ marginTop: 4 }}>
                  <Typography.Link onClick={() => navigate({ name: 'settings' })}>去填写本机关信息</Typography.Link>
                </div>
              )}
            </>
          }
          closable={{ onClose: () => setNotices((all) => all.filter((x) => x !== n)), 'aria-label': '我知道了，关闭这条提示' }}
        />
      ))}
    </div>
  );
}
