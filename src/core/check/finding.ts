import { CHECK_RULES, type CheckFinding, type CheckFix, type CheckRule } from '../../shared/check';

/** A fix before the images it applies to are known (the finding's images, unless it says otherwise). */
type FixWithoutImages = CheckFix extends infer F ? (F extends CheckFix ? Omit<F, 'imageIds'> : never) : never;

/** A finding over `imageIds`, or null when there are none; the fix applies to the same images. */
export function finding(
  rule: CheckRule,
  message: string,
  imageIds: string[],
  fix: FixWithoutImages | null,
  keep: string | null = null,
): CheckFinding | null {
  if (imageIds.length === 0) return null;
  return {
    rule,
    severity: CHECK_RULES[rule],
    message,
    imageIds,
    keep,
    fix: fix === null ? null : ({ ...fix, imageIds: imageIds.filter((id) => id !== keep) } as CheckFix),
  };
}

/** "1 caption is" / "12 captions are". */
export function count(items: readonly unknown[] | number, one: string, many: string): string {
  const n = typeof items === 'number' ? items : items.length;
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
