import { escapeRegExp } from '../../shared/bulk-edit';
import { captionError, captionPrefix } from '../../shared/caption';
import type { CheckFinding } from '../../shared/check';
import { countClipTokens } from '../../shared/clip-tokenizer';
import type { ImageEntry } from '../../shared/dataset';
import { estimateT5Tokens } from '../../shared/token-count';
import { count, finding } from './finding';

/**
 * The rules that read one caption at a time: no valid caption, the trigger missing or in the wrong case,
 * longer than CLIP's or T5's window, hedging words.
 */

/** Words a model uses when it is unsure; trainers learn the doubt along with the picture. */
const HEDGING =
  /\b(?:appears? to(?: be)?|appearing to|seems?(?: to(?: be)?)?|seemingly|possibly|likely|probably|perhaps|presumably|apparently|it looks like|looks like|might be|may be|could be|what (?:looks|appears) to be)\b/iu;

/** Where each image goes: `missing-caption` is split into no caption (fix: caption it) and an invalid one (edit it). */
const BUCKETS = [
  'no-caption',
  'invalid',
  'trigger-missing',
  'trigger-case',
  'clip-truncated',
  't5-truncated',
  'hedging',
] as const;
type Bucket = (typeof BUCKETS)[number];

export function captionFindings(images: readonly ImageEntry[], trigger: string): CheckFinding[] {
  const prefix = captionPrefix(trigger);
  const anyCase = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(trigger)}(?![\\p{L}\\p{N}_])`, 'iu');
  const ids: Record<Bucket, string[]> = Object.fromEntries(BUCKETS.map((b) => [b, [] as string[]])) as Record<
    Bucket,
    string[]
  >;
  let firstProblem: string | null = null;
  for (const image of images) {
    const { caption } = image;
    if (caption === null || caption.trim() === '') {
      ids['no-caption'].push(image.id);
      continue;
    }
    if (!caption.startsWith(prefix)) {
      const found = caption.match(anyCase)?.[0];
      ids[
        found !== undefined && found !== trigger && !caption.includes(trigger) ? 'trigger-case' : 'trigger-missing'
      ].push(image.id);
      continue;
    }
    const problem = captionError(caption, trigger);
    if (problem !== null) {
      firstProblem ??= problem;
      ids.invalid.push(image.id);
      continue;
    }
    if (countClipTokens(caption).tokens > 77) ids['clip-truncated'].push(image.id);
    if (estimateT5Tokens(caption).tokens > 512) ids['t5-truncated'].push(image.id);
    if (HEDGING.test(caption.slice(prefix.length))) ids.hedging.push(image.id);
  }
  return [
    finding(
      'missing-caption',
      `${count(ids['no-caption'], 'image has', 'images have')} no caption.`,
      ids['no-caption'],
      {
        kind: 'regenerate',
        label: `Caption ${count(ids['no-caption'], 'image', 'images')}`,
      },
    ),
    finding(
      'missing-caption',
      `${count(ids.invalid, 'caption is', 'captions are')} not valid (${firstProblem?.replace(/\.$/u, '')}): the export refuses them.`,
      ids.invalid,
      null,
    ),
    finding(
      'trigger-missing',
      `${count(ids['trigger-missing'], 'caption does', 'captions do')} not start with "${prefix.trim()}": the trainer cannot tie them to the trigger.`,
      ids['trigger-missing'],
      { kind: 'bulk-edit', label: 'Put the trigger in front', edit: { kind: 'fix-trigger' } },
    ),
    finding(
      'trigger-case',
      `${count(ids['trigger-case'], 'caption has', 'captions have')} the trigger in another case than "${trigger}": trainers match it exactly and would add it a second time.`,
      ids['trigger-case'],
      { kind: 'bulk-edit', label: `Write it as "${trigger}"`, edit: { kind: 'fix-trigger' } },
    ),
    finding(
      'clip-truncated',
      `${count(ids['clip-truncated'], 'caption is', 'captions are')} longer than CLIP's 77 tokens: CLIP reads only the start (T5 reads it all).`,
      ids['clip-truncated'],
      null,
    ),
    finding(
      't5-truncated',
      `${count(ids['t5-truncated'], 'caption is', 'captions are')} longer than T5's 512 tokens (≈, estimated): FLUX does not read the end.`,
      ids['t5-truncated'],
      null,
    ),
    finding(
      'hedging',
      `${count(ids.hedging, 'caption hedges', 'captions hedge')} ("appears to", "possibly"...): the model was unsure, and the doubt is trained in.`,
      ids.hedging,
      { kind: 'regenerate', label: `Regenerate ${count(ids.hedging, 'caption', 'captions')}` },
    ),
  ].filter((f): f is CheckFinding => f !== null);
}
