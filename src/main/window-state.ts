/**
 * Where the window opens: the bounds saved last time when they are still on a connected screen, else a default
 * size centred by the OS. Pure, so the rules are unit-tested without Electron's `screen`.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the OS centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const MIN_SIZE = { width: 960, height: 620 } as const;
export const DEFAULT_SIZE = { width: 1360, height: 860 } as const;

/** At least this much of the title bar area must land on a screen, or the window could not be grabbed. */
const VISIBLE_MARGIN = { width: 120, height: 60 };

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function overlaps(a: Rect, b: Rect): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w >= VISIBLE_MARGIN.width && h >= VISIBLE_MARGIN.height;
}

/** `saved` comes from a settings file a user may have edited: anything unexpected falls back to defaults. */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  const fallback: WindowState = { ...DEFAULT_SIZE, maximized: false };
  if (typeof saved !== 'object' || saved === null) return fallback;
  const s = saved as Record<string, unknown>;
  if (!isNum(s.width) || !isNum(s.height)) return fallback;
  const largest = workAreas.reduce((m, a) => Math.max(m, a.width * a.height), 0);
  const biggest = workAreas.find((a) => a.width * a.height === largest);
  const width = Math.max(MIN_SIZE.width, Math.min(Math.round(s.width), biggest?.width ?? s.width));
  const height = Math.max(MIN_SIZE.height, Math.min(Math.round(s.height), biggest?.height ?? s.height));
  const maximized = s.maximized === true;
  if (!isNum(s.x) || !isNum(s.y)) return { width, height, maximized };
  const rect = { x: Math.round(s.x), y: Math.round(s.y), width, height };
  const titleBar = { ...rect, height: Math.min(height, VISIBLE_MARGIN.height * 2) };
  return workAreas.some((area) => overlaps(titleBar, area)) ? { ...rect, maximized } : { width, height, maximized };
}
