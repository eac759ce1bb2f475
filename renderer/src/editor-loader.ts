import type { ComponentType } from 'react';

/** What the editor (renderer/src/editor/EditorPage.tsx, another module) takes. */
export interface EditorPageProps {
  id: string;
  onClose: () => void;
}

export type EditorLoader = () => Promise<{ EditorPage?: ComponentType<EditorPageProps> }>;

// The editor is loaded on demand (its own chunk) when it exists; until then the app shows a
// read-only summary. `NIANBAO_EDITOR=off` at build time swaps this module for
// editor-loader.none.ts (vite.config.ts), to build the shell alone while the editor is in pieces.
const modules = import.meta.glob<{ EditorPage?: ComponentType<EditorPageProps> }>('./editor/EditorPage.tsx');

export const loadEditor: EditorLoader | null = modules['./editor/EditorPage.tsx'] ?? null;

// The editor chunk is fetched and compiled once the first screen is idle, so that the first report
// opened is as quick as the later ones (bench/editor.bench.ts, "open → interactive").
let loaded: ComponentType<EditorPageProps> | null = null;

/**
 * The editor once its chunk is in: rendered directly, not through React.lazy — a Suspense
 * boundary that showed its fallback holds the content back for 300 ms (React's fallback
 * throttle), which was most of the first open's time.
 */
export function loadedEditor(): ComponentType<EditorPageProps> | null {
  return loaded;
}

if (loadEditor && typeof window !== 'undefined') {
  const warm = () =>
    void loadEditor!()
      .then((m) => (loaded = m.EditorPage ?? null))
      .catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(warm, { timeout: 3000 });
  else setTimeout(warm, 1500);
}
