import type { ImageEntry } from '../../src/shared/dataset';

/** An ImageEntry for unit tests: captioned and included unless overridden. */
export function makeImage(id: string, over: Partial<ImageEntry> = {}): ImageEntry {
  return {
    id,
    source: `/photos/${id}.jpg`,
    relPath: `${id}.jpg`,
    format: 'jpeg',
    width: 800,
    height: 600,
    orientation: 1,
    hasAlpha: false,
    bytes: 1000,
    mtimeMs: 0,
    exportName: id,
    caption: `photo of TOK a photo called ${id}`,
    captionSource: 'model',
    status: 'captioned',
    error: null,
    excluded: false,
    model: 'gemini-2.5-flash',
    provider: 'gemini',
    takenAt: null,
    phash: null,
    ...over,
  };
}
