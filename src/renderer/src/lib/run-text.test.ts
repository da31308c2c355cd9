import { describe, expect, it } from 'vitest';
import type { RunProgress, RunSummary } from '../../../shared/progress';
import { finishedNote, progressParts, runFraction, summaryHeadline } from './run-text';

const progress: RunProgress = {
  total: 40,
  done: 10,
  failed: 2,
  blocked: 0,
  remaining: 28,
  inFlight: 2,
  ratePerMinute: 9.6,
  etaSeconds: 175,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0.004,
  costKnown: true,
  paused: false,
  model: 'gemini-2.5-flash',
};

const summary: RunSummary = {
  status: 'completed',
  message: null,
  captioned: 38,
  failed: 2,
  blocked: 0,
  notAttempted: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0.01,
  costKnown: true,
  elapsedMs: 240_000,
};

describe('run bar text', () => {
  it('shows done, failed, remaining, rate, ETA and cost', () => {
    expect(runFraction(progress)).toBeCloseTo(0.3);
    expect(progressParts(progress)).toEqual([
      '10 done',
      '2 failed',
      '28 left',
      '9.6/min',
      'about 3 min left',
      '< $0.01',
    ]);
  });

  it('leaves out the ETA while paused and the rate before it is known', () => {
    expect(progressParts({ ...progress, paused: true, ratePerMinute: 0 })).toEqual([
      '10 done',
      '2 failed',
      '28 left',
      '< $0.01',
    ]);
  });

  it('says the time is being estimated until a caption is done, never "0 s" while images are left', () => {
    const start = { ...progress, done: 0, failed: 0, remaining: 40, ratePerMinute: 0, etaSeconds: 0, costUsd: 0 };
    expect(progressParts(start)).toEqual(['0 done', '40 left', 'estimating time…', '$0.00']);
    expect(progressParts({ ...start, etaSeconds: null })).toContain('estimating time…');
    expect(progressParts({ ...progress, etaSeconds: 0 })).toContain('estimating time…');
    expect(progressParts({ ...progress, etaSeconds: 0.3 })).toContain('about 1 s left');
    expect(progressParts({ ...progress, remaining: 0, etaSeconds: 0 }).join(' ')).not.toMatch(/estimating|about/u);
  });

  it('words each way a run can end', () => {
    expect(summaryHeadline(summary)).toBe('Run finished: 38 captions written, 2 failed');
    expect(summaryHeadline({ ...summary, status: 'cancelled', notAttempted: 5 })).toMatch(
      /5 images left for the next run/u,
    );
    expect(summaryHeadline({ ...summary, status: 'quota-exhausted' })).toMatch(/daily quota/u);
    expect(summaryHeadline({ ...summary, status: 'invalid-key' })).toMatch(/API key/u);
  });

  it('agrees the verb with the count in the finished note', () => {
    expect(finishedNote({ ...summary, captioned: 1, failed: 1, costUsd: 0.004 })).toBe(
      'Captioned 1 image for < $0.01; 1 image needs attention.',
    );
    expect(finishedNote({ ...summary, blocked: 1 })).toBe('Captioned 38 images for $0.01; 3 images need attention.');
    expect(finishedNote({ ...summary, failed: 0 })).toBe('Captioned 38 images for $0.01.');
  });
});
