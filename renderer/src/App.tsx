import { App as AntApp, Button, ConfigProvider, Layout, Space, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { Component, useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { loadEditor, loadedEditor } from './editor-loader.js';
import type { EditorPageProps } from './editor-loader.js';
import { ImportDialog } from './dialogs/ImportDialog.js';
import { ReportListPage } from './pages/ReportListPage.js';
import { ReportRoute } from './pages/ReportRoute.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { errorText } from './ui/ErrorAlert.js';
import { ShortcutsHelp } from './ui/ShortcutsHelp.js';
import { StoreNotices } from './ui/StoreNotices.js';
import { useShortcuts } from './ui/shortcuts.js';
import { navigate, useRoute } from './ui/route.js';
import { APP_THEME } from './ui/theme.js';
import './app.css';

/**
 * The editor, loaded on demand (its own chunk, usually warmed at idle by editor-loader.ts).
 * Not React.lazy + Suspense: a Suspense boundary that has shown its fallback holds the content
 * back for 300 ms (React's fallback throttle), most of the time of opening a report.
 */
function EditorSlot({ id, onClose }: EditorPageProps) {
  const [Editor, setEditor] = useState(loadedEditor);
  const [failed, setFailed] = useState<unknown>(null);
  useEffect(() => {
    if (Editor) return;
    let live = true;
    loadEditor()
      .then((m) => {
        if (!m.EditorPage) throw new Error('编辑器模块缺少 EditorPage');
        const page = m.EditorPage;
        if (live) setEditor(() => page);
      })
      .catch((e: unknown) => live && setFailed(e ?? new Error('编辑器加载失败')));
    return () => {
      live = false;
    };
  }, [Editor]);
  if (failed !== null) throw failed; // shown by the Boundary, with 重新加载
  if (!Editor) return <Spin description="正在打开编辑器…" style={{ display: 'block', margin: 48 }} />;
  return <Editor id={id} onClose={onClose} />;
}

class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error !== null)
      return (
        <div role="alert" style={{ padding: 24 }}>
          <h2>界面出错了</h2>
          <p>{errorText(this.state.error)}</p>
          <Button type="primary" onClick={() => window.location.reload()}>
            重新加载
          </Button>
        </div>
      );
    return this.props.children;
  }
}

function Shell() {
  const route = useRoute();
  const [dropped, setDropped] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [listVersion, setListVersion] = useState(0);
  const [help, setHelp] = useState(false);
  const dropEnabled = route.name !== 'report';
  useShortcuts({
    'Alt+L': () => navigate({ name: 'list' }),
    'Alt+T': () => navigate({ name: 'trash' }),
    'Alt+S': () => navigate({ name: 'settings' }),
    F1: () => setHelp(true),
  });

  // A file dropped anywhere on the window opens the import dialog (on the list, trash and
  // settings screens). Dropping must never let the browser navigate away to the file.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = dropEnabled ? 'copy' : 'none';
      if (dropEnabled) setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const f = e.dataTransfer?.files?.[0];
      if (f && dropEnabled) setDropped(f);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [dropEnabled]);

  const open = useCallback((id: string) => navigate({ name: 'report', id }), []);

  // The window title says where the clerk is (taskbar, screen readers); the editor may set the report's own.
  useEffect(() => {
    const where = route.name === 'trash' ? '回收站' : route.name === 'settings' ? '本机关信息设置' : route.name === 'report' ? '报告' : null;
    document.title = where ? `${where} - 年报助手` : '年报助手';
  }, [route.name]);

  let page: ReactNode;
  if (route.name === 'settings') page = <SettingsPage onDone={() => navigate({ name: 'list' })} />;
  else if (route.name === 'report')
    page = (
      <ReportRoute
        key={route.id}
        id={route.id}
        onClose={() => navigate({ name: 'list' })}
        render={(id, onClose) => <EditorSlot id={id} onClose={onClose} />}
      />
    );
  else page = <ReportListPage key={listVersion} tab={route.name === 'trash' ? 'trash' : 'reports'} onOpen={open} onImportFile={setDropped} />;

  const navButton = (name: 'list' | 'trash' | 'settings', label: string, key: string) => {
    const current = route.name === name || (name === 'list' && route.name === 'report');
    return (
      <Button type={current ? 'primary' : 'text'} aria-current={current ? 'page' : undefined} aria-keyshortcuts={`Alt+${key}`} title={`${label}（Alt+${key}）`} onClick={() => navigate({ name })}>
        {label}
      </Button>
    );
  };

  return (
    <Layout className="nb-layout">
      <a className="nb-skip" href="#nb-main" onClick={(e) => { e.preventDefault(); document.getElementById('nb-main')?.focus(); }}>
        跳到主要内容
      </a>
      <Layout.Header className="nb-header" role="banner">
        <div className="nb-brand" aria-hidden="true">年报助手</div>
        <nav aria-label="主导航">
          <Space size={4}>
            {navButton('list', '报告列表', 'L')}
            {navButton('trash', '回收站', 'T')}
            {navButton('settings', '本机关信息设置', 'S')}
          </Space>
        </nav>
        <Button className="nb-header-end" type="text" aria-keyshortcuts="F1" onClick={() => setHelp(true)}>
          快捷键<span className="nb-kbd">F1</span>
        </Button>
      </Layout.Header>
      <Layout.Content id="nb-main" tabIndex={-1} className="nb-content" role="main">
        <StoreNotices />
        <Boundary>{page}</Boundary>
      </Layout.Content>
      {dragging && (
        <div className="nb-drop" aria-hidden="true">
          <div>松开鼠标即可导入这个文件</div>
        </div>
      )}
      <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
      <ImportDialog
        file={dropped}
        open={dropped !== null}
        onClose={() => setDropped(null)}
        onSaved={(id) => {
          setDropped(null);
          setListVersion((v) => v + 1);
          open(id);
        }}
      />
    </Layout>
  );
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={APP_THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  );
}
