/**
 * The caption format every trainer preset relies on: `photo of {trigger} {description}`, one line, no trailing
 * punctuation. The prefix is always applied in code (see normalise.ts); this module says what is valid.
 */

export const TRIGGER_RULE = '3-50 letters, digits or underscores (case is kept exactly)';
const TRIGGER_PATTERN = /^[A-Za-z0-9_]{3,50}$/;

/** Returns an error message, or null when the trigger word is valid. */
export function triggerError(trigger: string): string | null {
  if (TRIGGER_PATTERN.test(trigger)) return null;
  if (trigger.length < 3) return `Trigger word is too short: use ${TRIGGER_RULE}.`;
  if (trigger.length > 50) return `Trigger word is too long: use ${TRIGGER_RULE}.`;
  return `Trigger word may only contain ${TRIGGER_RULE}; no spaces or punctuation.`;
}

export function captionPrefix(trigger: string): string {
  return `photo of ${trigger} `;
}

/** Longest caption we accept: FLUX's T5 reads ~512 tokens; 1,500 characters stays well inside it. */
export const MAX_CAPTION_CHARS = 1500;

const TRAILING_PUNCTUATION = /[.,;:!?…。、]$/u;

/** Returns a plain-language problem with the caption, or null when it is valid for `trigger`. */
export function captionError(caption: string | null, trigger: string): string | null {
  if (caption === null || caption.trim() === '') return 'Needs a caption.';
  if (/[\r\n]/.test(caption)) return 'Caption must be a single line.';
  if (caption !== caption.trim()) return 'Caption must not start or end with spaces.';
  const prefix = captionPrefix(trigger);
  if (!caption.startsWith(prefix)) return `Caption must start with "${prefix.trim()}" (trigger word case as typed).`;
  if (caption.slice(prefix.length).trim() === '') return 'Caption needs a description after the trigger word.';
  if (TRAILING_PUNCTUATION.test(caption)) return 'Caption must not end with punctuation.';
  if (caption.length > MAX_CAPTION_CHARS) return `Caption is longer than ${MAX_CAPTION_CHARS} characters.`;
  return null;
}

/**
 * What typed text becomes when saved: line breaks fold into spaces (captions are one line) and the ends are
 * trimmed. The field validates and compares this form, so a space typed before the next word is not an error.
 */
export function foldTypedCaption(text: string): string {
  return text.replace(/\r\n|[\r\n]/gu, ' ').trim();
}

export function wordCount(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/u).length;
}
