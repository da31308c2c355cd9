import type { ImageEntry } from './dataset';

export interface RunSelection {
  /** Caption images that already have a caption too (user edits included). */
  recaption?: boolean;
  /** Restrict the run to these image ids (regenerate one, retry the failed...). */
  only?: ReadonlyArray<string>;
}

/**
 * Which images a run sends to Gemini. Excluded images never; named ids when given; otherwise everything when
 * recaptioning, else only images without a caption (new) or whose last attempt failed. Blocked images are left
 * out unless named or recaptioning: Gemini will most likely block them again and they need a human caption.
 * The run engine and the UI (to mark images "queued" the moment a run starts) both use this one rule.
 */
export function selectRunImages<T extends Pick<ImageEntry, 'id' | 'excluded' | 'status'>>(
  images: ReadonlyArray<T>,
  selection: RunSelection,
): T[] {
  const only = selection.only ? new Set(selection.only) : null;
  return images.filter((img) => {
    if (img.excluded) return false;
    if (only) return only.has(img.id);
    if (selection.recaption) return true;
    return img.status === 'new' || img.status === 'failed';
  });
}
