import { Button, Modal, Table } from 'antd';

/** Every keyboard shortcut of the app in one place (F1), grouped by where it works. */
export const SHORTCUTS: { where: string; keys: string; what: string }[] = [
  { where: '任何页面', keys: 'Alt+L', what: '报告列表' },
  { where: '任何页面', keys: 'Alt+T', what: '回收站' },
  { where: '任何页面', keys: 'Alt+S', what: '本机关信息设置' },
  { where: '任何页面', keys: 'F1', what: '显示本快捷键列表' },
  { where: '任何页面', keys: 'Tab / Shift+Tab', what: '移到下一个 / 上一个按钮或输入框' },
  { where: '报告列表', keys: 'Ctrl+N', what: '新建报告' },
  { where: '报告列表', keys: 'Ctrl+O', what: '导入文件（也可以把文件拖到窗口中）' },
  { where: '报告列表', keys: 'Ctrl+,', what: '本机关信息设置' },
  { where: '对话框', keys: 'Enter', what: '确认（新建、保存、重命名）' },
  { where: '对话框', keys: 'Esc', what: '取消并关闭' },
  { where: '导出与打印', keys: 'Alt+W / Alt+P / Alt+H', what: '导出 Word / 导出 PDF / 导出网页' },
  { where: '导出与打印', keys: 'Alt+R / Alt+C', what: '打印 / 复制网页版' },
  { where: '报告编辑', keys: 'Ctrl+S', what: '立即保存（平时自动保存）' },
  { where: '报告编辑', keys: 'Ctrl+Z / Ctrl+Y', what: '撤销 / 重做' },
  { where: '报告编辑（表格）', keys: '方向键、Tab、Enter', what: '换格' },
  { where: '报告编辑（表格）', keys: 'F2 / Delete', what: '修改 / 清空这一格' },
];

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal
      open={open}
      title="键盘快捷键"
      onCancel={onClose}
      width={620}
      footer={
        <Button type="primary" autoFocus onClick={onClose}>
          知道了
        </Button>
      }
    >
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey={(r) => `${r.where}-${r.keys}`}
        dataSource={SHORTCUTS}
        aria-label="键盘快捷键列表"
        columns={[
          { title: '在哪里', dataIndex: 'where', width: 130 },
          { title: '按键', dataIndex: 'keys', width: 190, render: (k: string) => <kbd className="nb-key">{k}</kbd> },
          { title: '作用', dataIndex: 'what' },
        ]}
      />
    </Modal>
  );
}
