import { theme } from 'antd';
import type { ThemeConfig } from 'antd';

/** A compact, plain office look: system CJK fonts (no web fonts to download), clear blue actions, square-ish corners. */
export const FONT_STACK = '"Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const APP_THEME: ThemeConfig = {
  // The default algorithm derives the light backgrounds of success/error boxes from the brand colours; compact on top of it.
  algorithm: [theme.defaultAlgorithm, theme.compactAlgorithm],
  token: {
    fontFamily: FONT_STACK,
    fontSize: 14,
    colorPrimary: '#1d58a8',
    colorError: '#c62828',
    colorSuccess: '#2e7d32',
    // Derived from these darker brand colours the message boxes came out grey-green / grey-red: set them.
    colorSuccessBg: '#edf7ed',
    colorSuccessBorder: '#a5d6a7',
    colorErrorBg: '#fdeeee',
    colorErrorBorder: '#f1b0b0',
    borderRadius: 3,
    colorBgLayout: '#f2f4f7',
  },
  components: {
    Table: { headerBg: '#eef2f8', cellPaddingBlockSM: 6 },
    Layout: { headerBg: '#ffffff', headerHeight: 52, headerPadding: '0 20px' },
  },
};
