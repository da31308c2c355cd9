import { captionError } from '../../shared/caption';
import type { ImageEntry, ProviderName } from '../../shared/dataset';
import type { CaptionOutcome } from '../captioner';
import type { ImagePatch } from '../datasets';

/**
 * What a model's outcome writes on its image, for a normal run and a batch alike: a caption with who wrote it, or
 * the failure. A failed recaption must not erase a good caption: the image keeps it and its status, and notes the
 * error.
 */
export function outcomePatch(
  o: CaptionOutcome,
  before: Pick<ImageEntry, 'caption'> | undefined,
  trigger: string,
  provider: ProviderName,
): ImagePatch {
  if (o.status === 'captioned') {
    return {
      ...{ caption: o.caption, captionSource: 'model', status: 'captioned', error: null },
      ...{ model: o.model, provider },
    };
  }
  if (before && captionError(before.caption, trigger) === null) return { error: o.error };
  return { status: o.status, error: o.error };
}
