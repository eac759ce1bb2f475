import type { EditorLoader } from './editor-loader.js';

export type { EditorPageProps } from './editor-loader.js';

/** The shell without the editor (NIANBAO_EDITOR=off): reports open read-only. */
export const loadEditor: EditorLoader | null = null;
