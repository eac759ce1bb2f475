import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportMeta } from '../../../shared/api.js';
import type { Report } from '../../../shared/model/report.js';
import { api, saveReportOnUnload } from '../api/client.js';
import { errorText } from '../ui/ErrorAlert.js';

/**
 * Autosave: the report is saved within a second of the last change (debounce below), when the
 * clerk leaves the editor and when the window closes; nothing to click. A failed save shows at
 * once and is retried with a growing pause; meanwhile the latest text sits in localStorage as a
 * safety copy, offered again when the report is reopened.
 */
export type SaveState =
  | { kind: 'saved'; at: Date }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string; retryInMs: number };

const DEBOUNCE_MS = 500;
const SAFETY_MS = 250;
const MAX_RETRY_MS = 30_000;

export const safetyKey = (id: string) => `nianbao.unsaved.${id}`;

export interface SafetyCopy {
  at: string;
  report: Report;
}

export function readSafetyCopy(id: string): SafetyCopy | null {
  try {
    const raw = localStorage.getItem(safetyKey(id));
    if (!raw) return null;
    const v = JSON.parse(raw) as SafetyCopy;
    return v && typeof v.at === 'string' && v.report ? v : null;
  } catch {
    return null;
  }
}

export function clearSafetyCopy(id: string): void {
  try {
    localStorage.removeItem(safetyKey(id));
  } catch {
    /* storage unavailable: nothing to clear */
  }
}

function writeSafetyCopy(id: string, report: Report): void {
  try {
    localStorage.setItem(safetyKey(id), JSON.stringify({ at: new Date().toISOString(), report } satisfies SafetyCopy));
  } catch {
    /* full or disabled storage: the server save is still under way */
  }
}

export function useAutosave(id: string, report: Report | null, onSaved: (meta: ReportMeta) => void) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: new Date() });
  const latest = useRef<Report | null>(report);
  const saved = useRef<Report | null>(null);
  /** The save on its way, if any: a flush waits for it, then saves what was typed meanwhile. */
  const running = useRef<Promise<void> | null>(null);
  const attempt = useRef(0);
  const timers = useRef<{ save?: ReturnType<typeof setTimeout>; safety?: ReturnType<typeof setTimeout> }>({});
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const kind = useRef<SaveState['kind']>('saved');
  const set = useCallback((s: SaveState) => {
    kind.current = s.kind;
    setState(s);
  }, []);

  const doSave = useCallback(async (): Promise<void> => {
    clearTimeout(timers.current.save);
    // A save already on its way is waited for, so that a flush returns only once the store holds
    // what was typed (新建下一年度 and leaving the editor read the stored report).
    while (running.current) await running.current;
    const r = latest.current;
    if (!r || r === saved.current) return;
    const run = (async () => {
      set({ kind: 'saving' });
      try {
        const meta = await api.saveReport({ id, report: r });
        saved.current = r;
        attempt.current = 0;
        onSavedRef.current(meta);
        if (latest.current !== r) {
          timers.current.save = setTimeout(() => void doSave(), DEBOUNCE_MS);
          set({ kind: 'dirty' });
        } else {
          clearSafetyCopy(id);
          set({ kind: 'saved', at: new Date() });
        }
      } catch (e) {
        attempt.current++;
        const wait = Math.min(MAX_RETRY_MS, 1000 * 2 ** (attempt.current - 1));
        if (latest.current) writeSafetyCopy(id, latest.current);
        set({ kind: 'error', message: errorText(e), retryInMs: wait });
        timers.current.save = setTimeout(() => void doSave(), wait);
      }
    })();
    running.current = run;
    try {
      await run;
    } finally {
      if (running.current === run) running.current = null;
    }
  }, [id, set]);

  useEffect(() => {
    latest.current = report;
    if (!report || report === saved.current) return;
    if (kind.current === 'saved') set({ kind: 'dirty' });
    clearTimeout(timers.current.safety);
    timers.current.safety = setTimeout(() => latest.current && latest.current !== saved.current && writeSafetyCopy(id, latest.current), SAFETY_MS);
    // While a failed save waits for its retry, a new change does not hurry it.
    if (kind.current !== 'error') {
      clearTimeout(timers.current.save);
      timers.current.save = setTimeout(() => void doSave(), DEBOUNCE_MS);
    }
  }, [report, id, doSave, set]);

  useEffect(() => {
    const leave = () => {
      const r = latest.current;
      if (!r || r === saved.current) return;
      writeSafetyCopy(id, r);
      saveReportOnUnload({ id, report: r });
    };
    window.addEventListener('pagehide', leave);
    window.addEventListener('beforeunload', leave);
    const t = timers.current;
    return () => {
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('beforeunload', leave);
      clearTimeout(t.safety);
      // Leaving the editor inside the app: save now rather than after the pause.
      if (latest.current && latest.current !== saved.current) {
        writeSafetyCopy(id, latest.current);
        void doSave();
      }
      clearTimeout(t.save);
    };
  }, [id, doSave]);

  /** The report as the store holds it (after opening or restoring), saved at `at`: nothing to save. */
  const markSaved = useCallback(
    (r: Report, at?: string) => {
      saved.current = r;
      latest.current = r;
      const when = at ? new Date(at) : null;
      if (when && !Number.isNaN(when.getTime())) set({ kind: 'saved', at: when });
    },
    [set],
  );

  const flush = useCallback(() => doSave(), [doSave]);

  return { state, markSaved, flush };
}
