import { describe, expect, it } from 'vitest';
import type { BatchStatus } from '../../../shared/progress';
import { batchHeadline, batchParts } from './batch-text';

const status = (patch: Partial<BatchStatus> = {}): BatchStatus => ({
  ...{ state: 'queued', name: 'batches/abc', model: 'gemini-2.5-flash', images: 40, uploaded: 40 },
  ...{ costUsd: 0.0031, savingUsd: 0.0031, submittedAt: '2026-12-01T10:00:00Z', checkedAt: null, problem: null },
  ...patch,
});

describe('batch texts', () => {
  it('says where the job is', () => {
    expect(batchHeadline(status({ state: 'uploading', uploaded: 12 }))).toBe('Preparing the batch: 12 of 40 images');
    expect(batchHeadline(status({ state: 'uploading', uploaded: 40 }))).toBe(
      'Submitting the batch of 40 images to Gemini',
    );
    expect(batchHeadline(status())).toBe('Batch of 40 images waiting at Gemini');
    expect(batchHeadline(status({ state: 'running', images: 1 }))).toBe('Batch of 1 image running at Gemini');
  });

  it('says what it costs against a normal run, and that the app may close', () => {
    expect(batchParts(status())).toEqual([
      'half the price of a normal run',
      'results within 24 hours, even with the app closed',
    ]);
    expect(batchParts(status({ costUsd: 1.2, savingUsd: 1.2, state: 'uploading' }))).toEqual([
      'about $1.20 instead of $2.40',
      'nothing is submitted until every image is ready',
    ]);
  });

  it('shows why a check did not get through instead of when it last did', () => {
    const parts = batchParts(
      status({ costUsd: null, problem: 'Cannot reach Gemini', checkedAt: '2026-12-01T10:05:00Z' }),
    );
    expect(parts).toEqual([
      'half the price of a normal run',
      'results within 24 hours, even with the app closed',
      'Cannot reach Gemini',
    ]);
  });
});
