import { captionPrefix } from '../../shared/caption';
import type { CheckFinding } from '../../shared/check';
import type { ImageEntry } from '../../shared/dataset';
import { count, finding } from './finding';

/**
 * Phrases of two or more words (besides the prefix) in at least 80% of the captions. What every caption says is
 * what the trigger cannot learn apart from: "a large hall" in every caption teaches the trainer that the hall is
 * described, not that it is `ide_main_hall`. Found like frequent itemsets: only runs of frequent word pairs are
 * extended into longer phrases, so 5,000 captions cost a few passes over their words.
 */

const SHARE = 0.8;
/** Below this many captions, 80% is a handful and says little. */
const MIN_CAPTIONS = 5;
const MAX_WORDS = 8;

/** Phrases made only of these are grammar, not content ("of the", "in a"). */
const STOP_WORDS = new Set(
  'a an the of in on at with and or to for from by is are be its it this that as into onto over under near up down out off its their his her some'.split(
    ' ',
  ),
);

export function sharedPhraseFindings(images: readonly ImageEntry[], trigger: string): CheckFinding[] {
  const prefix = captionPrefix(trigger);
  const captioned = images.filter((i) => i.caption?.startsWith(prefix));
  if (captioned.length < MIN_CAPTIONS) return [];
  const segments = captioned.map((i) => segmentsOf((i.caption as string).slice(prefix.length)));
  const needed = Math.ceil(captioned.length * SHARE);

  const pairCounts = countPerCaption(segments, (words, add) => {
    for (let i = 0; i + 1 < words.length; i++) add(`${words[i]} ${words[i + 1]}`);
  });
  const frequentPairs = new Set([...pairCounts].filter(([, n]) => n >= needed).map(([p]) => p));
  if (frequentPairs.size === 0) return [];

  const phraseCounts = countPerCaption(segments, (words, add) => {
    for (let start = 0; start + 1 < words.length; start++) {
      let phrase = words[start] as string;
      for (let end = start + 1; end < words.length && end - start < MAX_WORDS; end++) {
        if (!frequentPairs.has(`${words[end - 1]} ${words[end]}`)) break;
        phrase = `${phrase} ${words[end]}`;
        add(phrase);
      }
    }
  });
  const frequent = [...phraseCounts]
    .filter(([phrase, n]) => n >= needed && phrase.split(' ').some((w) => !STOP_WORDS.has(w)))
    .map(([phrase]) => phrase);
  // Only the longest: "wooden floor" is not reported again inside "a polished wooden floor".
  const maximal = frequent.filter((p) => !frequent.some((q) => q !== p && ` ${q} `.includes(` ${p} `)));

  return maximal
    .map((phrase) => {
      const ids = captioned.filter((_, i) =>
        segments[i]?.some((words) => ` ${words.join(' ')} `.includes(` ${phrase} `)),
      );
      return finding(
        'shared-phrase',
        `"${phrase}" is in ${count(ids, 'caption', 'captions')} of ${captioned.length.toLocaleString('en-US')}: what every caption says, the trigger cannot learn apart from.`,
        ids.map((i) => i.id),
        { kind: 'bulk-edit', label: `Remove "${phrase}"`, edit: { kind: 'remove', phrase } },
      );
    })
    .filter((f): f is CheckFinding => f !== null);
}

/** Lower-case words, in runs split wherever punctuation stands (a phrase never spans a comma). */
function segmentsOf(description: string): string[][] {
  return description
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’\-\s]+/u)
    .map((s) => s.split(/\s+/u).filter((w) => w !== '' && w !== '-'))
    .filter((words) => words.length > 1);
}

/** How many captions contain each key at least once. */
function countPerCaption(
  captions: string[][][],
  keys: (words: string[], add: (key: string) => void) => void,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const segments of captions) {
    const seen = new Set<string>();
    for (const words of segments) keys(words, (k) => seen.add(k));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}
