import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * Stable image id: the same source path always gets the same id, so re-importing a folder finds its thumbnails
 * and datasets stay valid across restarts. 16 hex chars (64 bits) keeps collisions negligible for any library.
 */
export function imageIdFor(absSource: string): string {
  return createHash('sha256').update(resolve(absSource)).digest('hex').slice(0, 16);
}
