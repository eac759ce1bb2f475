import type { PartId, PartState } from '../../../shared/editor/edits.js';

export const PART_LABEL: Record<PartId, string> = {
  basic: '基本信息',
  preamble: '前言',
  overview: '一、总体情况',
  active: '二、主动公开（表二）',
  applications: '三、依申请公开（表三）',
  reviews: '四、复议诉讼（表四）',
  problems: '五、问题及改进',
  other: '六、其他事项',
};

export const STATE_LABEL: Record<PartState, string> = {
  empty: '未填写',
  error: '有错误',
  warning: '有警告',
  complete: '已完成',
};

export const STATE_ICON: Record<PartState, string> = { empty: '○', error: '✕', warning: '!', complete: '✓' };
