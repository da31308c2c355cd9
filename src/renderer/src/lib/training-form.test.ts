import { describe, expect, it } from 'vitest';
import { TRAINING_DEFAULTS, TRAINING_LIMITS } from '../../../shared/training';
import { requestOf, tooBigFrom, toTrainingForm, trainingFormErrors } from './training-form';

const form = toTrainingForm({ defaults: TRAINING_DEFAULTS, suggestedDestination: 'alice/tok-lora' });

describe('training form', () => {
  it('starts on the trainer’s defaults and the suggested destination, and asks for a new training', () => {
    expect(requestOf(form, TRAINING_LIMITS)).toEqual({
      ...{ destination: 'alice/tok-lora', steps: 1000, loraRank: 16, learningRate: 0.0004 },
      ...{ resizeLongSide: null, startNew: true },
    });
  });

  it('takes learning rates as people type them, and refuses what the trainer would', () => {
    expect(requestOf({ ...form, learningRate: '4e-4' }, TRAINING_LIMITS)?.learningRate).toBe(0.0004);
    expect(requestOf({ ...form, learningRate: '.001' }, TRAINING_LIMITS)?.learningRate).toBe(0.001);
    const bad = { ...form, steps: '6001', loraRank: '16.5', learningRate: '1', destination: 'Alice/Hall' };
    expect(Object.keys(trainingFormErrors(bad, TRAINING_LIMITS)).sort()).toEqual([
      'destination',
      'learningRate',
      'loraRank',
      'steps',
    ]);
    expect(requestOf(bad, TRAINING_LIMITS)).toBeNull();
  });

  it('sends the resize once the ZIP was too big, within the limits', () => {
    expect(requestOf({ ...form, resize: '1536' }, TRAINING_LIMITS)?.resizeLongSide).toBe(1536);
    expect(trainingFormErrors({ ...form, resize: '90' }, TRAINING_LIMITS).resize).toContain('256');
  });

  it('reads the too-big refusal and nothing else', () => {
    const details = { tooBig: { bytes: 150e6, limit: 104_857_600, suggestedResizeLongSide: 1536 } };
    expect(tooBigFrom(details)).toEqual({ bytes: 150e6, limit: 104_857_600, suggested: 1536 });
    expect(tooBigFrom({ problems: [] })).toBeNull();
    expect(tooBigFrom({ tooBig: { bytes: '1' } })).toBeNull();
    expect(tooBigFrom(undefined)).toBeNull();
  });
});
