// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET_ID, openDataset } from '../../../../tests/support/dom/dataset';
import { startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';
import type { DatasetSettings } from '../../../shared/dataset';
import type { RunSummary } from '../../../shared/progress';
import { useRun } from '../stores/run';
import { useUi } from '../stores/ui';
import { RunBar } from './RunBar';

/** The run bar names who the run talked to, and sends the user where a stop can be fixed. */

const OLLAMA: Partial<DatasetSettings> = {
  ...{ provider: 'openai', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2:3b', concurrency: 2, rpm: null },
};

const SUMMARY: RunSummary = {
  ...{ status: 'completed', message: null, captioned: 2, failed: 0, blocked: 0, notAttempted: 0 },
  ...{ inputTokens: 0, outputTokens: 0, costUsd: 0, costKnown: false, elapsedMs: 4000 },
};

let user: UserEvent;

function finished(summary: Partial<RunSummary>) {
  act(() => {
    useRun.getState().begin(DATASET_ID, {}, ['a', 'b']);
    useRun.getState().finish({ ...SUMMARY, ...summary });
  });
}

beforeEach(() => {
  user = startUser();
  openDataset([makeImage('a'), makeImage('b')], 'TOK', OLLAMA);
  render(<RunBar />);
});

describe('RunBar with a server', () => {
  it('while starting, says it is connecting to the server (not checking a Gemini key)', () => {
    act(() => useRun.getState().begin(DATASET_ID, {}, ['a', 'b']));
    expect(screen.getByText('Connecting to Ollama (127.0.0.1:11434)…')).toBeTruthy();
  });

  it('a local run’s unpriced captions cost nothing; the chain’s story is told when it moved on', () => {
    finished({
      models: [
        { model: 'qwen3-vl:8b', captioned: 0, left: 'missing' },
        { model: 'qwen2.5vl:7b', captioned: 2, left: null },
      ],
    });
    expect(screen.getByText('Run finished: 2 captions written')).toBeTruthy();
    expect(
      screen.getByText('qwen3-vl:8b is not available; 2 by qwen2.5vl:7b · 4 s · $0.00 (on this computer)'),
    ).toBeTruthy();
  });

  it('a model that cannot see images: says so, what to do, and opens Settings', async () => {
    finished({ status: 'no-vision', captioned: 0, notAttempted: 2, message: 'This model cannot see images.' });
    expect(screen.getByText('Stopped: llama3.2:3b cannot see images')).toBeTruthy();
    expect(screen.getByText(/^Choose a model that takes images/u)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(useUi.getState().dialog).toEqual({
      type: 'settings',
      focusKey: false,
      message: 'This model cannot see images.',
    });
  });

  it('a refused key names the server and goes to its key field', async () => {
    const message = 'Ollama (127.0.0.1:11434) refused the API key (401): Unauthorized.';
    finished({ status: 'invalid-key', captioned: 0, notAttempted: 2, message });
    expect(screen.getByText('Stopped: Ollama (127.0.0.1:11434) rejected the API key')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(useUi.getState().dialog).toEqual({ type: 'settings', focusKey: true, message });
  });
});
