// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET_SETTINGS, openDataset } from '../../../../tests/support/dom/dataset';
import { backend } from '../../../../tests/support/dom/fake-backend';
import { settle, startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';
import type { RunEstimate } from '../../../shared/contract';
import type { DatasetSettings } from '../../../shared/dataset';
import { CaptionAllDialog } from './CaptionAllDialog';

/**
 * The Caption dialog before anything is spent: who will write the captions (the chain, the server), the backend's
 * estimate in words, and the Gemini key asked for only when Gemini is the one captioning.
 */

const OLLAMA: Partial<DatasetSettings> = {
  ...{ provider: 'openai', baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen2.5vl:7b' },
  ...{ fallbackModels: [], concurrency: 2, rpm: null },
};

let user: UserEvent;

function open(settings: Partial<DatasetSettings>, estimate: RunEstimate) {
  openDataset(
    [makeImage('a', { caption: null, status: 'new' }), makeImage('b', { caption: null, status: 'new' })],
    'TOK',
    settings,
  );
  backend.answer('keyStatus', () => ({ present: false, source: null, masked: null }));
  backend.answer('getSettings', () => DATASET_SETTINGS);
  backend.answer('factorySettings', () => DATASET_SETTINGS);
  backend.answer('estimateRun', () => estimate);
  backend.answer('startRun', () => undefined);
  render(<CaptionAllDialog initialScope="needs" />);
}

beforeEach(() => {
  user = startUser();
});

describe('CaptionAllDialog', () => {
  it('a local server: named, free, no Gemini key needed to start', async () => {
    open(OLLAMA, {
      ...{ images: 2, provider: 'openai', model: 'qwen2.5vl:7b', chain: ['qwen2.5vl:7b'] },
      ...{ costUsd: null, batchCostUsd: null, seconds: 6, freeKeyPlan: null },
    });
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Caption images' });
    expect(dialog.textContent).toContain('Ollama (127.0.0.1:11434) writes one caption per image');
    expect(dialog.textContent).toContain('on Ollama (127.0.0.1:11434)');
    expect(screen.getByText('$0.00')).toBeTruthy();
    expect(screen.getByText('runs on this computer')).toBeTruthy();
    expect(dialog.textContent).toContain('Up to 2 at a time, no rate limit.');
    expect(screen.queryByRole('button', { name: /Add API key/u })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Caption 2 images' }));
    await settle();
    expect(backend.callsTo('startRun')).toEqual([['ds1', { recaption: false, mode: 'normal' }]]);
  });

  it('Gemini: the chain, the paid-key cost and where a free key’s quotas would send the images', async () => {
    open(
      { fallbackModels: ['gemini-2.5-flash-lite', 'gemma-3-27b-it'] },
      {
        ...{ images: 2, provider: 'gemini', model: 'gemini-2.5-flash' },
        chain: ['gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemma-3-27b-it'],
        ...{ costUsd: 0.0003, batchCostUsd: 0.00015, seconds: 6 },
        freeKeyPlan: {
          shares: [
            { model: 'gemini-2.5-flash', images: 1, freeRequestsPerDay: 1 },
            { model: 'gemini-2.5-flash-lite', images: 1, freeRequestsPerDay: 14_400 },
          ],
          waiting: 0,
        },
      },
    );
    await settle();
    expect(screen.getByText('Models, in order')).toBeTruthy();
    expect(screen.getByText('Gemini 2.5 Flash, then Gemini 2.5 Flash-Lite, then Gemma 3 27B')).toBeTruthy();
    expect(screen.getByText('< $0.01')).toBeTruthy();
    expect(screen.getByText('paid key · $0 on a free key')).toBeTruthy();
    expect(
      screen.getByText('On a free key, about 1 on Gemini 2.5 Flash, the rest (1) on Gemini 2.5 Flash-Lite.'),
    ).toBeTruthy();
    // Gemini without a key: the dialog leads to the key instead of a run that cannot start.
    expect(screen.getByRole('button', { name: 'Add API key…' })).toBeTruthy();
  });
});
