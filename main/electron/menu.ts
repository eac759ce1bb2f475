import type { MenuItemConstructorOptions } from 'electron';

/** The Chinese application menu, as data (built with Menu.buildFromTemplate in main.ts). */
export interface MenuActions {
  about(): void;
  openDataFolder(): void;
}

export function menuTemplate(actions: MenuActions, opts: { devTools: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  return [
    ...(mac ? [{ label: '年报助手', submenu: [{ role: 'about', label: '关于年报助手' }, { type: 'separator' }, { role: 'hide', label: '隐藏' }, { role: 'quit', label: '退出年报助手' }] } satisfies MenuItemConstructorOptions] : []),
    {
      label: '文件(&F)',
      submenu: [
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { role: 'close', label: '关闭窗口', accelerator: 'CmdOrCtrl+W' },
        ...(mac ? [] : [{ role: 'quit', label: '退出', accelerator: 'Ctrl+Q' } satisfies MenuItemConstructorOptions]),
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { role: 'undo', label: '撤销', accelerator: 'CmdOrCtrl+Z' },
        { role: 'redo', label: '重做', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y' },
        { type: 'separator' },
        { role: 'cut', label: '剪切', accelerator: 'CmdOrCtrl+X' },
        { role: 'copy', label: '复制', accelerator: 'CmdOrCtrl+C' },
        { role: 'paste', label: '粘贴', accelerator: 'CmdOrCtrl+V' },
        { role: 'pasteAndMatchStyle', label: '粘贴为纯文本', accelerator: 'CmdOrCtrl+Shift+V' },
        { role: 'selectAll', label: '全选', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        { role: 'reload', label: '重新载入', accelerator: 'CmdOrCtrl+R' },
        { type: 'separator' },
        { role: 'resetZoom', label: '实际大小', accelerator: 'CmdOrCtrl+0' },
        { role: 'zoomIn', label: '放大', accelerator: 'CmdOrCtrl+=' },
        { role: 'zoomOut', label: '缩小', accelerator: 'CmdOrCtrl+-' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏', accelerator: 'F11' },
        ...(opts.devTools ? [{ role: 'toggleDevTools', label: '开发者工具', accelerator: 'CmdOrCtrl+Shift+I' } satisfies MenuItemConstructorOptions] : []),
      ],
    },
    {
      label: '帮助(&H)',
      role: 'help',
      submenu: [{ label: '关于年报助手', click: () => actions.about() }],
    },
  ];
}
