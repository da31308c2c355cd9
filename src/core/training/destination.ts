import type Replicate from 'replicate';
import { replicateFailure, toReplicateError } from './failure';

/** Hardware for a new destination model, best first: what a FLUX LoRA runs on well when someone uses it. */
const PREFERRED_HARDWARE = ['gpu-h100', 'gpu-l40s', 'gpu-a100-large'];

/**
 * Makes sure `owner/name` exists: a model the account already has is used as it is; a missing one is created
 * private (`POST /v1/models` needs a hardware SKU, taken from `GET /v1/hardware`). Returns true when created.
 */
export async function ensureDestination(replicate: Replicate, destination: string, trigger: string): Promise<boolean> {
  const [owner = '', name = ''] = destination.split('/');
  try {
    await replicate.models.get(owner, name);
    return false;
  } catch (e) {
    if (replicateFailure(e)?.status !== 404) throw toReplicateError(e, `look up the model ${destination}`);
  }
  try {
    const skus = (await replicate.hardware.list()).map((h) => h.sku);
    const hardware = PREFERRED_HARDWARE.find((s) => skus.includes(s)) ?? skus.find((s) => s.startsWith('gpu')) ?? 'cpu';
    await replicate.models.create(owner, name, {
      visibility: 'private',
      hardware,
      description: `FLUX LoRA of "${trigger}", trained with Caption Studio`,
    });
    return true;
  } catch (e) {
    throw toReplicateError(e, `create the model ${destination}`);
  }
}
