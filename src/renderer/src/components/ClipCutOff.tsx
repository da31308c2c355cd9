import type { Ref } from 'react';

/**
 * Drawn behind the caption field (whose background is transparent), in the same font, size and wrapping: the text
 * itself is invisible here, only the mark over what CLIP's 77-token window leaves out shows through. A textarea
 * cannot style part of its text; this keeps the native field (undo, spellcheck, IME) and still marks the words.
 */
export function ClipCutOff({ ref, text, cutAt }: { ref: Ref<HTMLDivElement>; text: string; cutAt: number }) {
  return (
    <div ref={ref} className="caption-backdrop" aria-hidden="true">
      {text.slice(0, cutAt)}
      <mark className="clip-cut">{text.slice(cutAt)}</mark>
      {/* A final line break in the field still takes a line; the same here keeps the two the same height. */}
      {'\n'}
    </div>
  );
}
