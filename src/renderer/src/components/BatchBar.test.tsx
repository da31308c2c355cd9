// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET_ID, openDataset } from '../../../../tests/support/dom/dataset';
import { backend } from '../../../../tests/support/dom/fake-backend';
import { startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';
import type { BatchStatus, RunSummary } from '../../../shared/progress';
import { useEvents } from '../hooks/useEvents';
import { RunBar } from './RunBar';

/** The run bar while a batch job waits at Gemini: its state from main's events, a cancel that asks first, the end. */

function Bar() {
  useEvents();
  return <RunBar />;
}

const status = (patch: Partial<BatchStatus>): BatchStatus => ({
  ...{ state: 'queued', name: 'batches/abc', model: 'gemini-2.5-flash', images: 2, uploaded: 2 },
  ...{ costUsd: 0.02, savingUsd: 0.02, submittedAt: '2026-12-01T10:00:00Z', checkedAt: null, problem: null },
  ...patch,
});
const batchEvent = (batch: BatchStatus | null, images?: ReturnType<typeof makeImage>[]) =>
  act(() => backend.emit('batchUpdated', { datasetId: DATASET_ID, batch, ...(images ? { images } : {}) }));

let user: UserEvent;
beforeEach(() => {
  user = startUser();
  openDataset([makeImage('a'), makeImage('b')]);
  render(<Bar />);
});

describe('the run bar with a batch job', () => {
  it('follows the upload, then the job at Gemini', () => {
    batchEvent(status({ state: 'uploading', uploaded: 1 }));
    expect(screen.getByText('Preparing the batch: 1 of 2 images')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Batch progress' }).getAttribute('aria-valuenow')).toBe('50');
    batchEvent(status({ state: 'running' }));
    expect(screen.getByText('Batch of 2 images running at Gemini')).toBeTruthy();
    expect(screen.getByText(/about \$0\.02 instead of \$0\.04 · results within 24 hours/u)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Batch progress' }).getAttribute('aria-valuenow')).toBeNull();
  });

  it('asks before cancelling: "Keep waiting" changes nothing, "Cancel batch job" asks main', async () => {
    batchEvent(status({}));
    await user.click(screen.getByRole('button', { name: 'Cancel…' }));
    const question = screen.getByRole('group', { name: 'Cancel the batch job?' });
    expect(document.activeElement?.textContent).toBe('Keep waiting');
    expect(question.textContent).toContain('Cancel the batch job?');
    await user.click(screen.getByRole('button', { name: 'Keep waiting' }));
    expect(screen.queryByRole('group', { name: 'Cancel the batch job?' })).toBeNull();
    expect(document.activeElement?.textContent).toContain('Cancel…');
    expect(backend.calls.map((c) => c.name)).not.toContain('cancelBatch');

    backend.answer('cancelBatch', () => undefined);
    await user.click(screen.getByRole('button', { name: 'Cancel…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel batch job' }));
    expect(backend.calls.filter((c) => c.name === 'cancelBatch').map((c) => c.args)).toEqual([[DATASET_ID]]);
  });

  it('shows the finished job like a run, its failed images ready to retry', () => {
    batchEvent(status({}));
    const captioned = makeImage('a', { caption: 'photo of TOK a cat', captionSource: 'model', status: 'captioned' });
    const failed = makeImage('b', { status: 'failed', error: 'The batch could not caption this image: overloaded.' });
    batchEvent(null, [captioned, failed]);
    const summary: RunSummary = {
      ...{ status: 'completed', message: 'Half price: $0.0200 saved against a normal run.', captioned: 1 },
      ...{ failed: 1, blocked: 0, notAttempted: 0, inputTokens: 600, outputTokens: 60, costUsd: 0.02 },
      ...{ costKnown: true, elapsedMs: 90_000 },
    };
    act(() => backend.emit('runFinished', { datasetId: DATASET_ID, summary }));
    expect(screen.getByText('Run finished: 1 caption written, 1 failed')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show failed (1)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Retry failed/u })).toBeTruthy();
  });
});
