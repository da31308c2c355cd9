import { type StepAction, type StepSummary, UNDOABLE_ACTIONS, type UndoState } from '../../shared/history';
import type { HistoryEntry } from '../datasets';

/**
 * The undo and redo stacks, derived from the recorded steps rather than stored: they survive a restart, and a
 * second window or the CLI sees the same stacks. A user's step (typing, a bulk edit, exclude/include, a restore)
 * goes on the undo stack and empties the redo stack; an undo moves its target to the redo stack, a redo moves it
 * back. A run's answers never enter either stack.
 */
export interface Stacks {
  /** Most recent last. */
  undo: HistoryEntry[];
  redo: HistoryEntry[];
}

export function undoStacks(entries: ReadonlyArray<HistoryEntry>): Stacks {
  const undo: HistoryEntry[] = [];
  let redo: HistoryEntry[] = [];
  for (const entry of entries) {
    const { action, target } = entry.step;
    if (action === 'undo') moveTop(undo, redo, target);
    else if (action === 'redo') moveTop(redo, undo, target);
    else if (UNDOABLE_ACTIONS.has(action)) {
      undo.push(entry);
      redo = [];
    }
  }
  return { undo, redo };
}

/** Moves the step `id` from one stack to the other (it is normally on top; another window may have raced). */
function moveTop(from: HistoryEntry[], to: HistoryEntry[], id: string | null): void {
  const at = from.findLastIndex((e) => e.step.id === id);
  if (at < 0) return;
  const [entry] = from.splice(at, 1);
  if (entry) to.push(entry);
}

/** How many steps of each stack the page is told about (enough for a menu; undo itself reads the full stack). */
const SHOWN = 50;

export function undoState(entries: ReadonlyArray<HistoryEntry>): UndoState {
  const stacks = undoStacks(entries);
  const actions = new Map(entries.map((e) => [e.step.id, e.step.action]));
  const show = (stack: HistoryEntry[]) =>
    stack
      .slice(-SHOWN)
      .reverse()
      .map((e) => summarise(e, actions));
  return { undo: show(stacks.undo), redo: show(stacks.redo) };
}

export function summarise(entry: HistoryEntry, actions?: ReadonlyMap<string, StepAction>): StepSummary {
  const { id, action, model, target } = entry.step;
  return {
    id,
    at: entry.at,
    action,
    model,
    target: target === null ? null : (actions?.get(target) ?? null),
    images: entry.changes.length,
  };
}
