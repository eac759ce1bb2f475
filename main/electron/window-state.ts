import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurable } from '../store/durable-file.js';

/** The main window's size and position, remembered between runs (userData/window-state.json). */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_STATE: WindowState = { width: 1280, height: 840, maximized: false };
const MIN = { width: 800, height: 560 };
export const STATE_FILE = 'window-state.json';

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Parses a stored state; anything odd falls back to the default rather than failing the start. */
export function parseWindowState(text: string | null): WindowState {
  if (!text) return { ...DEFAULT_STATE };
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return { ...DEFAULT_STATE };
  }
  if (!o || typeof o !== 'object') return { ...DEFAULT_STATE };
  const r = o as Record<string, unknown>;
  const width = finite(r.width) ? Math.max(MIN.width, Math.round(r.width)) : DEFAULT_STATE.width;
  const height = finite(r.height) ? Math.max(MIN.height, Math.round(r.height)) : DEFAULT_STATE.height;
  const s: WindowState = { width, height, maximized: r.maximized === true };
  if (finite(r.x) && finite(r.y)) {
    s.x = Math.round(r.x);
    s.y = Math.round(r.y);
  }
  return s;
}

/**
 * Keeps the window on a screen that exists now (a projector unplugged since last time):
 * the position is kept only if a good part of the title bar is on some display's work area,
 * and the size is shrunk to the largest work area.
 */
export function fitToDisplays(s: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return s;
  const maxW = Math.max(...workAreas.map((a) => a.width));
  const maxH = Math.max(...workAreas.map((a) => a.height));
  const out: WindowState = { width: Math.min(s.width, maxW), height: Math.min(s.height, maxH), maximized: s.maximized };
  if (s.x !== undefined && s.y !== undefined) {
    const bar: Rect = { x: s.x, y: s.y, width: out.width, height: 40 };
    const visible = workAreas.some((a) => {
      const w = Math.min(bar.x + bar.width, a.x + a.width) - Math.max(bar.x, a.x);
      const h = Math.min(bar.y + bar.height, a.y + a.height) - Math.max(bar.y, a.y);
      return w >= 100 && h >= 20;
    });
    if (visible) {
      out.x = s.x;
      out.y = s.y;
    }
  }
  return out;
}

export async function loadWindowState(dir: string): Promise<WindowState> {
  try {
    return parseWindowState(await readFile(join(dir, STATE_FILE), 'utf8'));
  } catch {
    return { ...DEFAULT_STATE };
  }
}

export async function saveWindowState(dir: string, s: WindowState): Promise<void> {
  await writeFileDurable(join(dir, STATE_FILE), JSON.stringify(s) + '\n');
}
