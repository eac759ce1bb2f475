import { createContext, useContext } from 'react';
import type { Finding, FindingLocation } from '../../../shared/findings.js';
import type { Report } from '../../../shared/model/report.js';

/** What every part of the editor may do to the report; stable for the editor's lifetime. */
export interface EditorActions {
  /** Replaces a text field; consecutive keystrokes in one field are one undo step. */
  setText(path: string, value: string): void;
  /** Any other change, as a pure function of the report. `group` coalesces a burst into one undo step. */
  update(fn: (r: Report) => Report, group?: string): void;
  applyFix(f: Finding): void;
  goTo(loc: FindingLocation): void;
  confirm(opts: { title: string; content: string; okText: string; cancelText?: string; danger?: boolean }): Promise<boolean>;
  notify(text: string, tone?: 'info' | 'success' | 'warning' | 'error'): void;
}

export const EditorContext = createContext<EditorActions | null>(null);

export function useEditor(): EditorActions {
  const a = useContext(EditorContext);
  if (!a) throw new Error('EditorContext missing');
  return a;
}
