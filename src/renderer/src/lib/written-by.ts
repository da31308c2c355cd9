import type { ImageEntry } from '../../../shared/dataset';

/**
 * Who wrote an image's current caption: a model (by its id), the user, or an imported `.txt`. The gallery filters
 * by it (so captions from a weaker model can be selected and regenerated later) and the editor shows it.
 * Keys: `model:<id>`, `you`, `imported`; null for an image without a caption.
 */
export type WrittenBy = `model:${string}` | 'you' | 'imported';

type Source = Pick<ImageEntry, 'caption' | 'captionSource' | 'model'>;

export function writtenByOf(image: Source): WrittenBy | null {
  if (image.caption === null || image.captionSource === null) return null;
  if (image.captionSource === 'user') return 'you';
  if (image.captionSource === 'imported') return 'imported';
  return `model:${image.model ?? 'unknown model'}`;
}

/** The filter's words: the model id as the API names it, "You", "Imported". */
export function writtenByLabel(key: WrittenBy): string {
  if (key === 'you') return 'You';
  if (key === 'imported') return 'Imported';
  return key.slice('model:'.length);
}

export interface WrittenByCount {
  key: WrittenBy;
  label: string;
  count: number;
}

/** Every author in the dataset with its count: models first (most captions first), then you, then imported. */
export function writtenByCounts(images: ReadonlyArray<Source>): WrittenByCount[] {
  const counts = new Map<WrittenBy, number>();
  for (const image of images) {
    const key = writtenByOf(image);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rank = (k: WrittenBy) => (k === 'you' ? 1 : k === 'imported' ? 2 : 0);
  return [...counts]
    .map(([key, count]) => ({ key, label: writtenByLabel(key), count }))
    .sort((a, b) => rank(a.key) - rank(b.key) || b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * The editor's line: "Written by gemini-2.5-flash", "Written by qwen2.5vl:7b via Ollama (127.0.0.1:11434)",
 * "Written by you", "Imported from a .txt file". Images record the provider, not the server's address: `server`
 * is the dataset's server when it uses one now (null otherwise).
 */
export function writtenByText(image: Source & Pick<ImageEntry, 'provider'>, server: string | null): string | null {
  const key = writtenByOf(image);
  if (key === null) return null;
  if (key === 'you') return 'Written by you';
  if (key === 'imported') return 'Imported from a .txt file';
  const model = writtenByLabel(key);
  if (image.provider !== 'openai') return `Written by ${model}`;
  return `Written by ${model} via ${server ?? 'an OpenAI-compatible server'}`;
}
