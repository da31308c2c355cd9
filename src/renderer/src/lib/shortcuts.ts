import type { Move } from './grid';

/**
 * Keyboard mapping, pure: given the key and modifiers (and whether the caption field has focus), which command
 * runs. The hook only translates DOM events into this shape, so the whole table is unit-tested.
 */
export type Command =
  | { type: 'move'; move: Move }
  /** Shift with a moving key: moves and selects the range from where the selection started. */
  | { type: 'extend'; move: Move }
  /** Ctrl/Cmd+A outside a text field: every image the gallery shows. */
  | { type: 'select-all' }
  /** Ctrl/Cmd+F, or / in the gallery: to the search box. */
  | { type: 'find' }
  /** B in the gallery: the bulk edit dialog, for the selection or everything shown. */
  | { type: 'bulk-edit' }
  /** Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z (and Ctrl+Y off macOS) outside text fields: across the whole dataset. */
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'edit' }
  | { type: 'leave-field' }
  | { type: 'save-and-next' }
  | { type: 'regenerate' }
  | { type: 'toggle-exclude' }
  | { type: 'clear-selection' };

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** The caption field (or any text field) has focus: plain keys type text there. */
  inTextField: boolean;
  /** Command on macOS, Control elsewhere. */
  mac: boolean;
}

const PLAIN_MOVES: Record<string, Move> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  j: 'right',
  J: 'right',
  k: 'left',
  K: 'left',
  Home: 'first',
  End: 'last',
  PageUp: 'page-up',
  PageDown: 'page-down',
};

export function commandFor(e: KeyInput): Command | null {
  const primary = e.mac ? e.metaKey : e.ctrlKey;
  const other = e.mac ? e.ctrlKey : e.metaKey;
  if (primary && !other && !e.altKey) {
    if (e.key === 'Enter') return { type: 'save-and-next' };
    if ((e.key === 'r' || e.key === 'R') && !e.shiftKey) return { type: 'regenerate' };
    if ((e.key === 'f' || e.key === 'F') && !e.shiftKey) return { type: 'find' };
    // Inside a text field these keys stay the field's: its own undo and redo, select all of its text.
    if (e.inTextField) return null;
    if ((e.key === 'a' || e.key === 'A') && !e.shiftKey) return { type: 'select-all' };
    if (e.key === 'z' || e.key === 'Z') return { type: e.shiftKey ? 'redo' : 'undo' };
    if ((e.key === 'y' || e.key === 'Y') && !e.mac && !e.shiftKey) return { type: 'redo' };
    return null;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.inTextField) return e.key === 'Escape' ? { type: 'leave-field' } : null;
  if (e.shiftKey) {
    const move = PLAIN_MOVES[e.key];
    return move ? { type: 'extend', move } : null;
  }
  if (e.key === 'Enter') return { type: 'edit' };
  if (e.key === 'Escape') return { type: 'clear-selection' };
  if (e.key === 'x' || e.key === 'X') return { type: 'toggle-exclude' };
  if (e.key === '/') return { type: 'find' };
  if (e.key === 'b' || e.key === 'B') return { type: 'bulk-edit' };
  const move = PLAIN_MOVES[e.key];
  return move ? { type: 'move', move } : null;
}

/** The shortcut as shown in tooltips and the help line: "⌘↵" on macOS, "Ctrl+Enter" elsewhere. */
export function shortcutLabel(key: 'Enter' | 'R', mac: boolean): string {
  if (mac) return `⌘${key === 'Enter' ? '↵' : 'R'}`;
  return `Ctrl+${key}`;
}
