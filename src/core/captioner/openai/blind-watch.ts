import { createHash } from 'node:crypto';
import { NoVisionError } from './classify';

/** Different photos with the very same caption: a model that never saw them (it answered from the prompt alone). */
const SAME_CAPTION_LIMIT = 3;

/**
 * Some text-only models behind an OpenAI-compatible server do not refuse an image: they drop it and invent one
 * generic description, the same every time. One such answer looks like any caption, so the watch counts how many
 * different images got the same caption and stops the run at the third (the first two are kept, as any caption
 * is; the summary says why the run stopped, and they can be regenerated with a vision model).
 */
export function createBlindWatch() {
  const seen = new Map<string, Set<string>>();
  return (model: string, caption: string, image: Buffer): void => {
    const key = `${model}\n${caption}`;
    const images = seen.get(key) ?? new Set<string>();
    images.add(createHash('sha256').update(image).digest('hex'));
    seen.set(key, images);
    if (images.size >= SAME_CAPTION_LIMIT) {
      throw new NoVisionError(
        `The model "${model}" wrote the same caption for ${images.size} different photos ("${caption.slice(0, 80)}"): ` +
          'it does not see the images. Choose a vision model.',
      );
    }
  };
}
