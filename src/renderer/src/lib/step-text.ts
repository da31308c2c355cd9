import type { StepAction, StepSummary } from '../../../shared/history';
import { plural } from './format';

/** A step as a short noun phrase: "bulk replace", "your edit", "exclude"; what undo and redo buttons name. */
function stepName(action: StepAction, model: string | null = null): string {
  switch (action) {
    case 'typed':
      return 'your edit';
    case 'model':
      return `${model ?? 'a model'}'s caption`;
    case 'bulk-replace':
      return 'bulk replace';
    case 'bulk-add':
      return 'bulk add';
    case 'bulk-remove':
      return 'bulk remove';
    case 'bulk-fix-trigger':
      return 'trigger fix';
    case 'exclude':
      return 'exclude';
    case 'include':
      return 'include';
    case 'restore':
      return 'restore';
    case 'undo':
      return 'undo';
    case 'redo':
      return 'redo';
    case 'other':
      return 'change';
  }
}

/** What a step touched: captions, or images for exclude and include. */
function what(step: StepSummary, action: StepAction, names: ReadonlyArray<string>): string {
  const noun = action === 'exclude' || action === 'include' ? 'image' : 'caption';
  if (step.images === 1 && names.length === 1) return `${names[0]}`;
  return plural(step.images, noun);
}

/**
 * The toast after Ctrl/Cmd+Z or Ctrl/Cmd+Shift+Z: "Undid bulk replace on 12 captions.", "Redid your edit of
 * hall-03.jpg.", with the images left as they were because they changed since.
 */
export function undoneText(
  verb: 'undo' | 'redo',
  step: StepSummary,
  names: ReadonlyArray<string>,
  leftOut: number,
): string {
  // An undo step records the action it undid as its target.
  const action = step.target ?? step.action;
  const done = `${verb === 'undo' ? 'Undid' : 'Redid'} ${stepName(action, step.model)} on ${what(step, action, names)}.`;
  if (leftOut === 0) return done;
  return `${done} ${plural(leftOut, 'image')} changed since (in another window, by the command line or a run) and ${leftOut === 1 ? 'was' : 'were'} left as ${leftOut === 1 ? 'it is' : 'they are'}.`;
}

/** "Undo bulk replace (12 captions)": the undo and redo buttons' titles. */
export function stepTitle(verb: 'Undo' | 'Redo', step: StepSummary | undefined, keys: string): string {
  if (!step) return `Nothing to ${verb.toLowerCase()} (${keys})`;
  const action = step.target ?? step.action;
  const noun = action === 'exclude' || action === 'include' ? 'image' : 'caption';
  return `${verb} ${stepName(action, step.model)}, ${plural(step.images, noun)} (${keys})`;
}
