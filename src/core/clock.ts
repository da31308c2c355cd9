import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from './ports';

/** The real clock. `sleep` rejects with the signal's reason when aborted, like every abortable API in Node. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : undefined),
};
