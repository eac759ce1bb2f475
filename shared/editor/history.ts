/**
 * One undo history of report snapshots for the whole editor (tables and text). Consecutive edits
 * of the same field (same group) within `coalesceMs` form one step, so Ctrl+Z undoes a burst of
 * typing, not a single character.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Group of the last pushed edit; null after undo/redo or an ungrouped edit. */
  group: string | null;
  at: number;
}

export interface PushOptions {
  group?: string | null;
  now: number;
  coalesceMs?: number;
  limit?: number;
}

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], group: null, at: 0 };
}

export function pushHistory<T>(h: History<T>, next: T, opts: PushOptions): History<T> {
  if (next === h.present) return h;
  const group = opts.group ?? null;
  const coalesce = group !== null && group === h.group && opts.now - h.at <= (opts.coalesceMs ?? 2000);
  if (coalesce) return { past: h.past, present: next, future: [], group, at: opts.now };
  const limit = opts.limit ?? 500;
  const past = h.past.length >= limit ? [...h.past.slice(h.past.length - limit + 1), h.present] : [...h.past, h.present];
  return { past, present: next, future: [], group, at: opts.now };
}

/** Replaces the present without an undo step (e.g. the store's answer after a restore). */
export function resetHistory<T>(present: T): History<T> {
  return createHistory(present);
}

export function canUndo<T>(h: History<T>): boolean {
  return h.past.length > 0;
}

export function canRedo<T>(h: History<T>): boolean {
  return h.future.length > 0;
}

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  const prev = h.past[h.past.length - 1];
  return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future], group: null, at: 0 };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  const [next, ...rest] = h.future;
  return { past: [...h.past, h.present], present: next, future: rest, group: null, at: 0 };
}
