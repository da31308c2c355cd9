/**
 * The changed parts of a caption, for highlighting a bulk edit's preview or an earlier version. Word level: the
 * common start and end are cut off first (most edits touch a few words), then the middle is diffed by longest
 * common subsequence. The page asks only for the rows it shows, so 5,000 previews never diff at once.
 */

export interface DiffSegment {
  text: string;
  kind: 'same' | 'removed' | 'added';
}

/** Beyond this many middle pieces on a side, the middle is shown as removed-then-added (no quadratic work). */
const MAX_DIFF_PIECES = 400;

export function captionDiff(before: string, after: string): DiffSegment[] {
  const a = pieces(before);
  const b = pieces(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffSegment[] = [];
  push(out, 'same', a.slice(0, start));
  diffMiddle(out, a.slice(start, endA), b.slice(start, endB));
  push(out, 'same', a.slice(endA));
  return out;
}

/** Words and the spaces between them, as separate pieces, so a changed word does not drag its space along. */
function pieces(text: string): string[] {
  return text.match(/\s+|[^\s,;:.!?]+|[,;:.!?]/gu) ?? [];
}

function diffMiddle(out: DiffSegment[], a: string[], b: string[]): void {
  if (a.length === 0 || b.length === 0 || a.length > MAX_DIFF_PIECES || b.length > MAX_DIFF_PIECES) {
    push(out, 'removed', a);
    push(out, 'added', b);
    return;
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(out, 'same', [a[i++] as string]);
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) {
      push(out, 'removed', [a[i++] as string]);
    } else {
      push(out, 'added', [b[j++] as string]);
    }
  }
  push(out, 'removed', a.slice(i));
  push(out, 'added', b.slice(j));
}

/** Appends text, merging with the last segment of the same kind. */
function push(out: DiffSegment[], kind: DiffSegment['kind'], parts: string[]): void {
  if (parts.length === 0) return;
  const text = parts.join('');
  const last = out.at(-1);
  if (last && last.kind === kind) last.text += text;
  else out.push({ text, kind });
}
