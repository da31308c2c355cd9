import { describe, expect, it } from 'vitest';
import type { RunProgress, RunSummary } from '../../../shared/progress';
import type { RunWho } from './model-text';
import {
  chainStory,
  costText,
  finishedNote,
  progressParts,
  resetText,
  runFraction,
  summaryDetail,
  summaryHeadline,
} from './run-text';

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

const GEMINI: RunWho = { provider: 'gemini', name: 'Gemini', model: 'gemini-2.5-flash', local: false };
const OLLAMA: RunWho = { provider: 'openai', name: 'Ollama (127.0.0.1:11434)', model: 'llama3.2:3b', local: true };

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
    expect(summaryHeadline(summary, GEMINI)).toBe('Run finished: 38 captions written, 2 failed');
    expect(summaryHeadline({ ...summary, status: 'cancelled', notAttempted: 5 }, GEMINI)).toBe(
      'Run cancelled: 38 captions written, 2 failed; 5 images left for the next run',
    );
    expect(summaryHeadline({ ...summary, status: 'quota-exhausted' }, GEMINI)).toMatch(/daily quota/u);
    expect(summaryHeadline({ ...summary, status: 'invalid-key' }, GEMINI)).toBe('Stopped: Gemini rejected the API key');
  });

  it('names the server, not Gemini, when the run was not on Gemini', () => {
    expect(summaryHeadline({ ...summary, status: 'invalid-key' }, OLLAMA)).toBe(
      'Stopped: Ollama (127.0.0.1:11434) rejected the API key',
    );
    expect(summaryHeadline({ ...summary, status: 'model-not-found' }, OLLAMA)).toBe(
      'Stopped: Ollama (127.0.0.1:11434) does not offer the chosen model',
    );
  });

  it('a run that stopped on an error says "stopped", with the reason in the detail', () => {
    const stopped = { ...summary, status: 'cancelled' as const, message: 'Nothing answers at Ollama: is it running?' };
    expect(summaryHeadline(stopped, OLLAMA)).toMatch(/^Run stopped: /u);
    expect(summaryDetail(stopped, OLLAMA)).toContain('Nothing answers at Ollama: is it running?');
  });

  it('no-vision names the model and says what to do next', () => {
    const s = { ...summary, status: 'no-vision' as const, message: 'This model cannot see images.' };
    expect(summaryHeadline(s, OLLAMA)).toBe('Stopped: llama3.2:3b cannot see images');
    expect(summaryDetail(s, OLLAMA)).toMatch(/^Choose a model that takes images .* in Settings, then run again\./u);
  });

  it('a used-up quota says when it comes back, in the user’s own clock', () => {
    const now = new Date(2026, 5, 10, 20, 0).getTime();
    const tomorrow9 = new Date(2026, 5, 11, 9, 0);
    const time = tomorrow9.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    expect(resetText(tomorrow9.toISOString(), now)).toBe(`tomorrow at ${time}`);
    expect(resetText(new Date(2026, 5, 10, 23, 0).toISOString(), now)).toMatch(/^today at /u);
    expect(resetText(new Date(2026, 5, 12, 9, 0).toISOString(), now)).toMatch(/^\w+day at /u);
    const out = {
      ...summary,
      status: 'quota-exhausted' as const,
      notAttempted: 20,
      quotaResetsAt: tomorrow9.toISOString(),
    };
    expect(summaryHeadline(out, GEMINI, now)).toBe(
      `Stopped: daily quota used up on every model until tomorrow at ${time}. 38 captions written, 2 failed; 20 images left`,
    );
  });

  it('tells the fallback chain’s story: why the run moved on, and who wrote how many', () => {
    expect(
      chainStory(
        [
          { model: 'gemini-2.5-flash', captioned: 20, left: 'quota' },
          { model: 'gemini-2.5-flash-lite', captioned: 0, left: 'missing' },
          { model: 'gemma-3-27b-it', captioned: 18, left: null },
        ],
        'gemini',
      ),
    ).toBe(
      'Gemini 2.5 Flash ran out of daily quota, Gemini 2.5 Flash-Lite is not available; 20 by Gemini 2.5 Flash, 18 by Gemma 3 27B',
    );
    expect(chainStory([{ model: 'gemini-2.5-flash', captioned: 38, left: null }], 'gemini')).toBeNull();
    expect(chainStory(undefined, 'gemini')).toBeNull();
    const moved = {
      ...summary,
      models: [
        { model: 'qwen3-vl:8b', captioned: 3, left: 'failing' as const },
        { model: 'qwen2.5vl:7b', captioned: 35, left: null },
      ],
    };
    expect(summaryDetail(moved, OLLAMA)).toBe(
      'qwen3-vl:8b kept failing; 3 by qwen3-vl:8b, 35 by qwen2.5vl:7b · 4 min · $0.01',
    );
  });

  it('a cost that includes unpriced requests is a lower bound, or not known at all', () => {
    expect(costText(0.02, true)).toBe('$0.02');
    expect(costText(0.02, false)).toBe('at least $0.02');
    expect(costText(0, false)).toBe('cost not known');
    expect(progressParts({ ...progress, costUsd: 0, costKnown: false }).at(-1)).toBe('cost not known');
    expect(finishedNote({ ...summary, failed: 0, costKnown: false })).toBe('Captioned 38 images.');
    // A server on this computer has no price because it costs nothing.
    expect(costText(0, false, true)).toBe('$0.00 (on this computer)');
    expect(progressParts({ ...progress, costUsd: 0, costKnown: false }, true).at(-1)).toBe('$0.00 (on this computer)');
    expect(finishedNote({ ...summary, failed: 0, costUsd: 0, costKnown: false }, true)).toBe(
      'Captioned 38 images for $0.00.',
    );
  });

  it('agrees the verb with the count in the finished note', () => {
    expect(finishedNote({ ...summary, captioned: 1, failed: 1, costUsd: 0.004 })).toBe(
      'Captioned 1 image for < $0.01; 1 image needs attention.',
    );
    expect(finishedNote({ ...summary, blocked: 1 })).toBe('Captioned 38 images for $0.01; 3 images need attention.');
    expect(finishedNote({ ...summary, failed: 0 })).toBe('Captioned 38 images for $0.01.');
  });
});
