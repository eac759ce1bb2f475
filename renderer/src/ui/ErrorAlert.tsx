import { Alert } from 'antd';
import { ApiError } from '../../../shared/api.js';

/** The message to show for anything thrown: API errors carry a Chinese message already. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && /[\u4e00-\u9fff]/.test(e.message)) return e.message;
  return `发生了意外错误：${e instanceof Error ? e.message : String(e)}。请重试；如果仍然出错，请重新启动年报助手。`;
}

/** A clear, announced error box (role="alert") with an optional close button. */
export function ErrorAlert({ error, title, onClose }: { error: unknown; title?: string; onClose?: () => void }) {
  if (error === null || error === undefined) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? '操作没有完成'}
      description={errorText(error)}
      closable={onClose ? { onClose, 'aria-label': '关闭错误提示' } : false}
      style={{ marginBottom: 12 }}
    />
  );
}
