import type { DatasetSettings, ImageEntry } from '../../shared/dataset';

/**
 * Sample data for the dataset store's tests and benchmark (kept here so they share one definition).
 * Not used by the app itself.
 */

export const SAMPLE_SETTINGS: DatasetSettings = {
  provider: 'gemini',
  baseUrl: null,
  model: 'gemini-2.5-flash',
  fallbackModels: ['gemini-2.5-flash-lite'],
  prompt: 'Describe this photo of {trigger} in one sentence.',
  concurrency: 4,
  rpm: 60,
  downscale: 1024,
};

/** `count` realistic entries (absolute paths, sizes, a caption on every other one). */
export function sampleImages(count: number, trigger = 'sks_person'): ImageEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i).padStart(5, '0');
    const captioned = i % 2 === 0;
    return {
      id: `img-${n}`,
      source: `/home/user/Pictures/dataset/holiday-${Math.floor(i / 100)}/IMG_${n}.jpg`,
      relPath: `holiday-${Math.floor(i / 100)}/IMG_${n}.jpg`,
      format: 'jpeg',
      width: 4032,
      height: 3024,
      orientation: 1,
      hasAlpha: false,
      bytes: 3_000_000 + i,
      mtimeMs: 1_700_000_000_000 + i,
      exportName: `IMG_${n}`,
      caption: captioned ? `photo of ${trigger} standing on a beach at sunset, wearing a blue jacket` : null,
      captionSource: captioned ? 'model' : null,
      status: captioned ? 'captioned' : 'new',
      error: null,
      excluded: false,
      model: captioned ? 'gemini-2.5-flash' : null,
      provider: captioned ? 'gemini' : null,
      takenAt: null,
      phash: null,
    };
  });
}

/** A caption of roughly `length` characters, as a user edit would produce. */
export function sampleCaption(trigger: string, n: number, length = 220): string {
  const base = `photo of ${trigger} edit ${n} walking along a rocky shore under an overcast sky`;
  return base.length >= length
    ? base
    : `${base}${', with gulls overhead'.repeat(Math.ceil((length - base.length) / 21))}`;
}
