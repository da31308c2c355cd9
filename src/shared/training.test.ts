import { describe, expect, it } from 'vitest';
import {
  DESTINATION_PATTERN,
  estimateTraining,
  isTrainingActive,
  modelPageUrl,
  REPLICATE_TRAINER,
  REPLICATE_UPLOAD_LIMIT_BYTES,
  samplePrompt,
  TRAINING_DEFAULTS,
  TRAINING_LIMITS,
  TrainingParams,
  TrainingRecord,
  TrainingRequest,
  TrainingStatus,
} from './training';

describe('training', () => {
  it("offers the trainer's own defaults within its ranges", () => {
    expect(REPLICATE_TRAINER).toBe('ostris/flux-dev-lora-trainer');
    expect(TrainingParams.parse(TRAINING_DEFAULTS)).toEqual({ steps: 1000, loraRank: 16, learningRate: 0.0004 });
    expect(TrainingParams.safeParse({ ...TRAINING_DEFAULTS, steps: TRAINING_LIMITS.steps.max + 1 }).success).toBe(
      false,
    );
    expect(REPLICATE_UPLOAD_LIMIT_BYTES).toBeLessThan(100 * 1024 * 1024);
  });

  it('takes destinations as Replicate spells models', () => {
    for (const ok of ['alice/ide-main-hall', 'Alice_1/lora.v2', 'org/a_b'])
      expect(DESTINATION_PATTERN.test(ok)).toBe(true);
    for (const bad of ['alice', 'alice/Main', '/x', 'a/b/c', 'alice/ x'])
      expect(DESTINATION_PATTERN.test(bad)).toBe(false);
    expect(TrainingRequest.parse({ destination: ' alice/hall ' })).toMatchObject({
      ...{ destination: 'alice/hall', resizeLongSide: null, startNew: false },
    });
  });

  it('follows only trainings that have not ended', () => {
    const active = TrainingStatus.options.filter(isTrainingActive);
    expect(active).toEqual(['creating', 'starting', 'processing']);
  });

  it('reads a minimal saved record with every later field defaulted', () => {
    const record = TrainingRecord.parse({
      ...{ id: 'abc', trainer: `${REPLICATE_TRAINER}:v1`, destination: 'a/b', trigger: 'tok' },
      ...{ params: TRAINING_DEFAULTS, status: 'starting', createdAt: '2026-01-01T00:00:00Z' },
      upload: { fileId: 'f', url: 'https://x/f', bytes: 1, images: 1 },
    });
    expect(record).toMatchObject({ logsTail: '', progress: null, output: null, error: null, cancelRequested: false });
  });

  it('estimates more steps as longer and dearer, at the per-second price', () => {
    const short = estimateTraining(500);
    const long = estimateTraining(2000);
    expect(long.seconds).toBeGreaterThan(short.seconds);
    expect(long.costUsd).toBeCloseTo(long.seconds * long.usdPerSecond, 2);
    expect(long.basis).toContain(long.hardware);
  });

  it('links the model page and starts the sample prompt with the trigger', () => {
    expect(modelPageUrl('alice/hall')).toBe('https://replicate.com/alice/hall');
    expect(samplePrompt('ide_main_hall').startsWith('ide_main_hall')).toBe(true);
  });
});
