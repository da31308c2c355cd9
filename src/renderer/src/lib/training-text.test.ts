import { describe, expect, it } from 'vitest';
import { TRAINING_DEFAULTS, type TrainingRecord, type TrainingUpdate } from '../../../shared/training';
import { logTail, timeLeft, trainingDuration, trainingFraction, trainingHeadline } from './training-text';

const RECORD: TrainingRecord = {
  ...{ id: 't1', trainer: 'ostris/flux-dev-lora-trainer:abc', destination: 'alice/hall', trigger: 'tok' },
  ...{ params: { ...TRAINING_DEFAULTS }, status: 'processing', createdAt: '2026-01-01T10:00:00Z' },
  upload: { fileId: 'f', url: 'https://x/f', bytes: 10, images: 30 },
  ...{ startedAt: '2026-01-01T10:00:00Z', completedAt: null, checkedAt: null, logsTail: '' },
  ...{ progress: { step: 250, total: 1000 }, output: null, error: null, cancelRequested: false, estimate: null },
};
const follow = (over: Partial<TrainingUpdate>): TrainingUpdate => ({
  ...{ record: RECORD, step: null, exported: null, zipBytes: null, problem: null },
  ...over,
});

describe('training words', () => {
  it('says each step, before and during the training', () => {
    expect(trainingHeadline(follow({ record: null, step: 'exporting', exported: { done: 3, total: 30 } }))).toBe(
      'Preparing the ZIP: 3 of 30 images',
    );
    expect(trainingHeadline(follow({ record: null, step: 'uploading', zipBytes: 3 * 1024 * 1024 }))).toBe(
      'Uploading the ZIP to Replicate (3.0 MB)',
    );
    expect(trainingHeadline(follow({}))).toBe('Training: step 250 of 1,000');
    expect(trainingHeadline(follow({ record: { ...RECORD, progress: null } }))).toBe('Training: setting up');
    expect(trainingHeadline(follow({ record: { ...RECORD, status: 'starting' } }))).toBe(
      'Waiting for a GPU at Replicate',
    );
    expect(trainingHeadline(follow({ record: { ...RECORD, status: 'succeeded' } }))).toBe('Your LoRA is ready');
  });

  it('measures progress by images written, then by steps; none while waiting', () => {
    expect(trainingFraction(follow({ step: 'exporting', exported: { done: 15, total: 30 } }))).toBe(0.5);
    expect(trainingFraction(follow({ step: 'uploading' }))).toBeNull();
    expect(trainingFraction(follow({}))).toBe(0.25);
    expect(trainingFraction(follow({ record: { ...RECORD, status: 'starting' } }))).toBeNull();
  });

  it('works out the time left from the pace so far', () => {
    const tenMinutesIn = Date.parse('2026-01-01T10:10:00Z');
    expect(timeLeft(follow({}), tenMinutesIn)).toBe('about 30 min left');
    expect(timeLeft(follow({ record: { ...RECORD, progress: { step: 0, total: 1000 } } }), tenMinutesIn)).toBeNull();
    expect(trainingDuration('2026-01-01T10:00:00Z', '2026-01-01T10:21:00Z')).toBe('21 min');
    expect(trainingDuration(null, '2026-01-01T10:21:00Z')).toBeNull();
  });

  it('keeps the last lines of the log, whatever their line ends', () => {
    expect(logTail('a\r\nb\rc\nd\n\n', 2)).toBe('c\nd');
  });
});
