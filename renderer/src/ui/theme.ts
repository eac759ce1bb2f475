import { theme } from 'antd';
import type { ThemeConfig } from 'antd';

/** A compact, plain office look: system CJK fonts (no web fonts to download), clear blue actions, square-ish corners. */
export const FONT_STACK = '"Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const APP_THEME: ThemeConfig = {
  algorithm: theme.compactAlgorithm,
  token: {
    fontFamily: FONT_STACK,
    fontSize: 14,
    colorPrimary: '#1d58a8',
    colorError: '#c62828',
    colorSuccess: '#2e7d32',
    borderRadius: 3,
    colorBgLayout: '#f2f4f7',
  },
  components: {
    Table: { headerBg: '#eef2f8', cellPaddingBlockSM: 6 },
    Layout: { headerBg: '#ffffff', headerHeight: 52, headerPadding: '0 20px' },
  },
};
