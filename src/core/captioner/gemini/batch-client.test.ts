import { describe, expect, it } from 'vitest';
import { batchStateOf } from './batch-client';

/** The service's job states in the app's words: a cancel in progress may still bring results, so it is running. */
describe('batchStateOf', () => {
  it.each([
    ['JOB_STATE_PENDING', 'queued'],
    ['JOB_STATE_QUEUED', 'queued'],
    [undefined, 'queued'],
    ['JOB_STATE_RUNNING', 'running'],
    ['JOB_STATE_CANCELLING', 'running'],
    ['JOB_STATE_SUCCEEDED', 'succeeded'],
    ['JOB_STATE_PARTIALLY_SUCCEEDED', 'succeeded'],
    ['JOB_STATE_FAILED', 'failed'],
    ['JOB_STATE_CANCELLED', 'cancelled'],
    ['JOB_STATE_EXPIRED', 'expired'],
  ])('%s -> %s', (state, want) => expect(batchStateOf(state)).toBe(want));
});
