import { z } from 'zod';
import { captionError, captionPrefix } from './caption';

/**
 * Bulk edits as data, and the one function that says what an edit does to a list of captions. The page runs it
 * for the live preview and the core runs it again when the edit is applied, so what the user saw is what is
 * saved. Edits touch only the description after `photo of {trigger} `: the prefix is never damaged. A result
 * that would not be a valid caption (shared/caption.ts) is listed with the reason and left out.
 */

const Text = z.string().max(1000);

export const BulkEdit = z.discriminatedUnion('kind', [
  /** Find and replace in descriptions: plain text or a regular expression (`$1` works in `replace` then). */
  z.object({
    kind: z.literal('replace'),
    find: Text.min(1),
    replace: Text,
    regex: z.boolean().default(false),
    wholeWord: z.boolean().default(false),
    matchCase: z.boolean().default(false),
  }),
  /** Add text right after the trigger prefix (`start`) or at the end of the caption (`end`). */
  z.object({ kind: z.literal('add'), text: Text.min(1), at: z.enum(['start', 'end']) }),
  /** Remove a phrase (whole words, any case unless `matchCase`); commas and spaces it leaves behind are tidied. */
  z.object({ kind: z.literal('remove'), phrase: Text.min(1), matchCase: z.boolean().default(false) }),
  /**
   * Put the exact `photo of {trigger} ` prefix back: a trigger typed in another case is corrected, a caption
   * without the prefix gets it in front (the check's fix for `trigger-case` and `trigger-missing`).
   */
  z.object({ kind: z.literal('fix-trigger') }),
]);
export type BulkEdit = z.input<typeof BulkEdit>;
export type BulkEditKind = BulkEdit['kind'];

export interface CaptionedImage {
  id: string;
  caption: string | null;
}

interface BulkChange {
  imageId: string;
  before: string;
  after: string;
}

interface BulkLeftOut {
  imageId: string;
  before: string | null;
  /** What the caption would have become (null when the edit could not apply to it at all). */
  after: string | null;
  reason: string;
}

export type BulkEditPlan =
  | {
      ok: true;
      /** Captions that change, in the order the images were given. */
      changes: BulkChange[];
      /** Captions the edit would make invalid (or cannot apply to), left unchanged. */
      leftOut: BulkLeftOut[];
      /** Images the edit does not change (no match, or no caption yet). */
      unchanged: number;
    }
  | { ok: false; error: string };

/** Computes the new caption of each image. A bad regular expression is an error value, never an exception. */
export function planBulkEdit(images: ReadonlyArray<CaptionedImage>, edit: BulkEdit, trigger: string): BulkEditPlan {
  const parsed = BulkEdit.safeParse(edit);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid edit.' };
  const transform = descriptionTransform(parsed.data);
  if (typeof transform === 'string') return { ok: false, error: transform };
  const prefix = captionPrefix(trigger);
  /** The caption with its description edited; null when there is no prefix to edit after. */
  const editCaption = (caption: string | null): string | null => {
    if (caption === null || !caption.startsWith(prefix)) return null;
    const description = caption.slice(prefix.length);
    const next = transform(description);
    return next === description ? caption : `${prefix}${tidy(next)}`;
  };
  const changes: BulkChange[] = [];
  const leftOut: BulkLeftOut[] = [];
  let unchanged = 0;
  for (const { id, caption } of images) {
    const after = parsed.data.kind === 'fix-trigger' ? fixTrigger(caption, trigger) : editCaption(caption);
    if (after === caption) {
      unchanged++;
    } else if (after === null) {
      leftOut.push({ imageId: id, before: caption, after: null, reason: notEditable(caption, prefix) });
    } else {
      const problem =
        after === prefix ? 'Would leave no description after the trigger word.' : captionError(after, trigger);
      if (problem === null && caption !== null) changes.push({ imageId: id, before: caption, after });
      else leftOut.push({ imageId: id, before: caption, after, reason: problem ?? 'Has no caption to edit.' });
    }
  }
  return { ok: true, changes, leftOut, unchanged };
}

function notEditable(caption: string | null, prefix: string): string {
  if (caption === null) return 'Has no caption to edit.';
  return `Does not start with "${prefix.trim()}": fix the trigger first.`;
}

type DescriptionTransform = (description: string) => string;
type ParsedEdit = z.output<typeof BulkEdit>;

/** The edit as a function over one description, or an error message (a pattern that does not compile). */
function descriptionTransform(edit: ParsedEdit): DescriptionTransform | string {
  switch (edit.kind) {
    case 'replace': {
      const pattern = findPattern(edit.find, edit);
      if (typeof pattern === 'string') return pattern;
      // Plain text is replaced literally (a `$` in it means a dollar sign); a regex replacement may use `$1`.
      return edit.regex ? (d) => d.replace(pattern, edit.replace) : (d) => d.replace(pattern, () => edit.replace);
    }
    case 'remove': {
      const pattern = findPattern(edit.phrase.trim(), { regex: false, wholeWord: true, matchCase: edit.matchCase });
      if (typeof pattern === 'string') return pattern;
      return (d) => d.replace(pattern, '');
    }
    case 'add': {
      const text = edit.text.trim();
      if (edit.at === 'start') return (d) => `${text} ${d}`;
      return (d) => `${d}${/^[,;]/u.test(text) ? '' : ' '}${text}`;
    }
    case 'fix-trigger':
      return (d) => d;
  }
}

interface FindOptions {
  regex: boolean;
  wholeWord: boolean;
  matchCase: boolean;
}

/** Words are letters, digits and `_`, in any script. */
const WORD_CHAR = String.raw`[\p{L}\p{N}_]`;

/** Compiles what the user typed; a bad pattern comes back as a message to show under the field. */
function findPattern(find: string, options: FindOptions): RegExp | string {
  const source = options.regex ? find : escapeRegExp(find);
  const bounded = options.wholeWord ? `(?<!${WORD_CHAR})(?:${source})(?!${WORD_CHAR})` : source;
  try {
    return new RegExp(bounded, options.matchCase ? 'gu' : 'giu');
  } catch (e) {
    return `Not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /u, '')}`;
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * What an edit leaves behind is tidied so removing "wooden floor" from "a hall, wooden floor, tall windows" gives
 * "a hall, tall windows": runs of spaces fold, a comma never follows a space or another comma, and separators at
 * either end go. A trailing period the edit leaves is kept on purpose: it shows up as an invalid caption.
 */
function tidy(description: string): string {
  return description
    .replace(/\s+/gu, ' ')
    .replace(/\s+([,;])/gu, '$1')
    .replace(/([,;])(?:\s*[,;])+/gu, '$1')
    .replace(/^[\s,;]+|[\s,;]+$/gu, '');
}

/**
 * The caption with the exact prefix: `photo of IDE_Main_Hall a hall` -> `photo of ide_main_hall a hall`; a caption
 * with the trigger elsewhere or not at all gets the prefix in front (its own wrong-case trigger is left in the
 * text, where the check still shows it). Null captions stay null.
 */
function fixTrigger(caption: string | null, trigger: string): string | null {
  if (caption === null) return null;
  const prefix = captionPrefix(trigger);
  if (caption.startsWith(prefix)) return caption;
  const leading = new RegExp(
    String.raw`^\s*(?:an?\s+)?photo\s+of\s+${escapeRegExp(trigger)}(?!${WORD_CHAR})[\s,:;]*`,
    'iu',
  );
  const rest = caption.replace(leading, '');
  const description = rest === caption ? caption.replace(/^\s*(?:an?\s+)?photo\s+of\s+/iu, '') : rest;
  return `${prefix}${tidy(description)}`;
}
