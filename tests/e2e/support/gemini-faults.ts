import { createHash } from 'node:crypto';
import { prepareImage } from '../../../src/core/captioner';
import type { ImageFormat } from '../../../src/shared/dataset';
import type { Fault, FaultRequest } from '../../fake-gemini';

/**
 * The fake Gemini only sees the bytes it is sent, so to fail one particular photo a test needs the sha256 of the
 * copy the app uploads: the same downscale the captioner does (deterministic for a given sharp build).
 */
export async function uploadKeyOf(path: string, format: ImageFormat, downscale: number): Promise<string> {
  const { data } = await prepareImage(path, format, downscale);
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Permanent trouble for two chosen images: one refused for safety on every attempt (it ends "blocked" whatever
 * the retries), one answered "Unable to process input image" on its first request only (failed in the first run,
 * fine on Retry). Every other request falls through to the fake's seeded transient faults (failRate).
 */
export function journeyFaults(keys: { blocked: string; failsOnce: string }): (req: FaultRequest) => Fault | undefined {
  return (req) => {
    if (req.imageKey === keys.blocked) return 'safety';
    if (req.imageKey === keys.failsOnce && req.attempt === 1) return 'bad-image';
    return undefined;
  };
}
