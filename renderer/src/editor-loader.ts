import type { ComponentType } from 'react';

/** What the editor (renderer/src/editor/EditorPage.tsx, another module) takes. */
export interface EditorPageProps {
  id: string;
  onClose: () => void;
}

export type EditorLoader = () => Promise<{ EditorPage?: ComponentType<EditorPageProps> }>;

// The editor is its own chunk, loaded on demand: the first screen does not wait for it.
export const loadEditor: EditorLoader = () => import('./editor/EditorPage.js');

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

if (typeof window !== 'undefined') {
  const warm = () =>
    void loadEditor()
      .then((m) => (loaded = m.EditorPage ?? null))
      .catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(warm, { timeout: 3000 });
  else setTimeout(warm, 1500);
}
