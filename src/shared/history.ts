import type { BulkEditKind } from './bulk-edit';
import type { ImageEntry } from './dataset';

/**
 * The dataset's history as the page sees it. The store records every change of a caption or of an image's
 * exclusion as a step, whoever made it (the app, the CLI, a run, a batch); a bulk edit of 5,000 captions is one
 * step. The undo stack holds the user's own steps (typing, bulk edits, exclude/include, restoring a version, a
 * check's fix): a run's answers are not in it (a run of 5,000 captions would bury the user's edits), but they are
 * in each image's versions and can be restored from there.
 */

/** What made a step: the page shows it as "you", the model's name, "bulk replace"... (see `stepAuthorLabel`). */
export type StepAction =
  /** The user typed the caption (the editor's autosave). */
  | 'typed'
  /** A model's answer (a run, a regenerate, a batch); `model` names it. */
  | 'model'
  | `bulk-${BulkEditKind}`
  | 'exclude'
  | 'include'
  | 'restore'
  | 'undo'
  | 'redo'
  /** A change with no known origin (a status change, an older writer): kept, never on the undo stack. */
  | 'other';

/** Actions the undo stack holds (undo and redo themselves move steps between the stacks). */
export const UNDOABLE_ACTIONS: ReadonlySet<StepAction> = new Set<StepAction>([
  'typed',
  'bulk-replace',
  'bulk-add',
  'bulk-remove',
  'bulk-fix-trigger',
  'exclude',
  'include',
  'restore',
]);

export interface StepSummary {
  id: string;
  /** ISO time the step was saved. */
  at: string;
  action: StepAction;
  /** The model, for `model` steps; null otherwise. */
  model: string | null;
  /** For `undo`/`redo`: the action of the step undone or redone. */
  target: StepAction | null;
  /** Images the step changed. */
  images: number;
}

/** The two stacks, most recent first: `undo[0]` is what Ctrl+Z undoes, `redo[0]` what Ctrl+Shift+Z redoes. */
export interface UndoState {
  undo: StepSummary[];
  redo: StepSummary[];
}

/** The id of an image's state before its first recorded step (imported, or as an older version left it). */
export const ORIGINAL_VERSION = 'original';

/** One version of one image, oldest first in `imageHistory`; the last one is the image as it is now. */
export interface ImageVersion {
  /** The step that produced it, or ORIGINAL_VERSION. Pass it to `restoreVersion`. */
  id: string;
  /** When it was written; null for the original. */
  at: string | null;
  action: StepAction | null;
  model: string | null;
  caption: string | null;
  excluded: boolean;
  current: boolean;
}

/** Why an image was left out of a step. */
export interface LeftOutImage {
  imageId: string;
  reason: string;
}

/** What a step-making call (bulk edit, undo, redo, restore) did. */
export interface StepResult {
  /** The step saved; null when nothing changed (everything left out, or nothing to undo). */
  step: StepSummary | null;
  /** The changed images as they now are. */
  images: ImageEntry[];
  /**
   * Images left out: a bulk edit would have made their caption invalid; an undo or redo found the image changed
   * since (a newer caption typed in another window or by the CLI is never overwritten).
   */
  leftOut: LeftOutImage[];
  history: UndoState;
}

const BULK_LABELS: Record<BulkEditKind, string> = {
  replace: 'bulk replace',
  add: 'bulk add',
  remove: 'bulk remove',
  'fix-trigger': 'trigger fix',
};

/** Who wrote a version, as the editor says it: "you", "gemini-2.5-flash", "bulk replace", "undo". */
export function stepAuthorLabel(action: StepAction | null, model: string | null): string {
  if (action === null) return 'original';
  if (action === 'model') return model ?? 'a model';
  if (action === 'typed' || action === 'exclude' || action === 'include') return 'you';
  if (action.startsWith('bulk-')) return BULK_LABELS[action.slice(5) as BulkEditKind];
  if (action === 'restore') return 'restored';
  return action;
}
