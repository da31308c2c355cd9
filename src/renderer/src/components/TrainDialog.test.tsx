// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET_ID, openDataset } from '../../../../tests/support/dom/dataset';
import { backend } from '../../../../tests/support/dom/fake-backend';
import { settle, startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';
import type { KeyStatus } from '../../../shared/contract';
import {
  estimateTraining,
  TRAINING_DEFAULTS,
  TRAINING_LIMITS,
  type TrainingPlan,
  type TrainingRecord,
  type TrainingUpdate,
} from '../../../shared/training';
import { showTraining } from '../actions/training';
import { useEvents } from '../hooks/useEvents';
import { useUi } from '../stores/ui';
import { TrainDialog } from './TrainDialog';
import { TrainingBar } from './TrainingBar';
import { WorkspaceHeader } from './WorkspaceHeader';

/**
 * Train on Replicate: a token first, the plan with the trainer's defaults and nothing uploaded before the click,
 * each refusal with its way forward, the training followed live, Cancel asking first, and the outcome.
 */

const NO_TOKEN: KeyStatus = { present: false, source: null, masked: null };
const TOKEN: KeyStatus = { present: true, source: 'keychain', masked: 'r8_a…9f2c' };
const PLAN: TrainingPlan = {
  ...{ trainer: 'ostris/flux-dev-lora-trainer', version: `ab12cd34${'0'.repeat(56)}`, defaults: TRAINING_DEFAULTS },
  ...{ limits: TRAINING_LIMITS, trigger: 'TOK', account: 'alice', suggestedDestination: 'alice/tok-lora' },
  ...{ images: 2, missingCaptions: 0, estimate: estimateTraining(1000) },
};
const RECORD: TrainingRecord = {
  ...{ id: 'tr1', trainer: `ostris/flux-dev-lora-trainer:${PLAN.version}`, destination: 'alice/tok-lora' },
  ...{ trigger: 'TOK', params: { ...TRAINING_DEFAULTS }, status: 'starting', createdAt: '2026-01-01T10:00:00Z' },
  upload: { fileId: 'f1', url: 'https://api.replicate.com/v1/files/f1', bytes: 2048, images: 2 },
  ...{ startedAt: null, completedAt: null, checkedAt: null, logsTail: '', progress: null, output: null },
  ...{ error: null, cancelRequested: false, estimate: null },
};
const event = (over: Partial<TrainingUpdate>) => ({
  datasetId: DATASET_ID,
  training: { record: null, step: null, exported: null, zipBytes: null, problem: null, ...over },
});

function Workspace() {
  useEvents();
  const dialog = useUi((s) => s.dialog);
  return (
    <>
      <WorkspaceHeader />
      <TrainingBar />
      {dialog?.type === 'train' ? <TrainDialog /> : null}
    </>
  );
}

let user: UserEvent;

beforeEach(() => {
  user = startUser();
  openDataset([makeImage('a'), makeImage('b')]);
  backend.answer('replicateTokenStatus', () => TOKEN);
  backend.answer('planTraining', () => PLAN);
  backend.answer('openExternal', () => undefined);
});

async function openTrain(): Promise<HTMLElement> {
  render(<Workspace />);
  await user.click(screen.getByRole('button', { name: 'More export options' }));
  await user.click(screen.getByRole('menuitem', { name: 'Train on Replicate…' }));
  await settle();
  return screen.getByRole('dialog', { hidden: true });
}

const train = () => screen.getByRole('button', { name: 'Upload and train' });

describe('TrainDialog', () => {
  it('asks for a token first, tested before it is kept; then the plan, uploading nothing', async () => {
    backend.answer('replicateTokenStatus', () => NO_TOKEN);
    backend.answer('setReplicateToken', () => TOKEN);
    await openTrain();
    expect(backend.callsTo('planTraining')).toEqual([]);
    await user.type(screen.getByLabelText('Replicate API token'), 'r8_secret');
    await user.click(screen.getByRole('button', { name: 'Test & save' }));
    await settle();
    expect(backend.callsTo('setReplicateToken')).toEqual([['r8_secret']]);
    expect(backend.callsTo('planTraining')).toEqual([[DATASET_ID]]);

    const dialog = screen.getByRole('dialog', { name: 'Train on Replicate' });
    expect(dialog.textContent).toContain('ostris/flux-dev-lora-trainer, latest version ab12cd34');
    expect(dialog.textContent).toContain('TOK');
    // The trigger is the dataset's: shown, never a field.
    expect(screen.queryByRole('textbox', { name: /trigger/iu })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Destination model' })).toHaveProperty('value', 'alice/tok-lora');
    expect(dialog.textContent).toContain('created as a private model of alice');
    expect(screen.getByRole('textbox', { name: 'Steps' })).toHaveProperty('value', '1000');
    expect(screen.getByRole('textbox', { name: 'LoRA rank' })).toHaveProperty('value', '16');
    expect(screen.getByRole('textbox', { name: 'Learning rate' })).toHaveProperty('value', '0.0004');
    expect(dialog.textContent).toContain(`about $${estimateTraining(1000).costUsd.toFixed(2)}`);

    await user.clear(screen.getByRole('textbox', { name: 'Steps' }));
    await user.type(screen.getByRole('textbox', { name: 'Steps' }), '2000');
    expect(dialog.textContent).toContain(`about $${estimateTraining(2000).costUsd.toFixed(2)}`);
    await user.click(screen.getByRole('button', { name: 'Use the trainer’s defaults' }));
    expect(screen.getByRole('textbox', { name: 'Steps' })).toHaveProperty('value', '1000');
    expect(backend.callsTo('startTraining')).toEqual([]);
  });

  it('a ZIP over the upload limit comes back with the resize offered; the next click sends it', async () => {
    const tooBig = { bytes: 150 * 1024 * 1024, limit: 100 * 1024 * 1024, suggestedResizeLongSide: 1536 };
    backend.fail('startTraining', 'validation', 'The ZIP is over Replicate’s upload limit.', { tooBig });
    const dialog = await openTrain();
    await user.clear(screen.getByRole('textbox', { name: 'Steps' }));
    await user.type(screen.getByRole('textbox', { name: 'Steps' }), '1500');
    await user.click(train());
    await settle();
    expect(within(dialog).getByRole('alert').textContent).toContain(
      'The ZIP would be 150 MB; Replicate takes uploads up to 100 MB. Nothing was uploaded.',
    );
    expect(screen.getByRole('textbox', { name: 'Steps' })).toHaveProperty('value', '1500');
    expect(screen.getByRole('textbox', { name: 'Long side at most' })).toHaveProperty('value', '1536');

    backend.fail('startTraining', 'credit', 'Your Replicate account has no credit left.');
    await user.click(train());
    await settle();
    expect(backend.callsTo('startTraining')[1]?.[1]).toMatchObject({ steps: 1500, resizeLongSide: 1536 });
    expect(within(dialog).getByRole('alert').textContent).toContain('no credit left');
    await user.click(screen.getByRole('button', { name: /Add credit at Replicate/u }));
    expect(backend.callsTo('openExternal')).toEqual([['https://replicate.com/account/billing']]);
  });

  it('a token Replicate refuses at the start brings its field back, with the reason', async () => {
    backend.fail('startTraining', 'invalid-key', 'Replicate did not accept the token (bad token).');
    const dialog = await openTrain();
    await user.click(train());
    await settle();
    expect(within(dialog).getByRole('alert').textContent).toContain('Replicate did not accept the token');
    expect(screen.getByLabelText('Replace the Replicate API token')).toBeTruthy();
  });

  it('follows the training live, asks before cancelling, and shows the outcome with what to copy', async () => {
    backend.answer('startTraining', () => RECORD);
    const starting = backend.hold('startTraining');
    backend.answer('cancelTraining', () => ({ ...RECORD, cancelRequested: true }));
    const dialog = await openTrain();
    await user.click(train());
    act(() => backend.emit('trainingUpdated', event({ step: 'exporting', exported: { done: 1, total: 2 } })));
    expect(dialog.textContent).toContain('Preparing the ZIP: 1 of 2 images');
    act(() => backend.emit('trainingUpdated', event({ step: 'uploading', zipBytes: 2048 })));
    expect(dialog.textContent).toContain('Uploading the ZIP to Replicate (2.0 KB)');
    expect(backend.callsTo('startTraining')).toEqual([
      [
        DATASET_ID,
        {
          destination: 'alice/tok-lora',
          steps: 1000,
          loraRank: 16,
          learningRate: 0.0004,
          resizeLongSide: null,
          startNew: true,
        },
      ],
    ]);
    starting.next().answer();
    await settle();

    const logs = 'Extracted 2 files from zip to input_images\nflux_train_replicate:  25%| 250/1000';
    const processing = {
      ...RECORD,
      status: 'processing' as const,
      logsTail: logs,
      progress: { step: 250, total: 1000 },
    };
    act(() => backend.emit('trainingUpdated', event({ record: processing })));
    const live = screen.getByRole('dialog', { name: 'Training on Replicate' });
    expect(live.textContent).toContain('Training: step 250 of 1,000');
    expect(within(live).getByRole('log', { name: 'Training log' }).textContent).toContain('250/1000');

    await user.click(screen.getByRole('button', { name: 'Cancel training…' }));
    const ask = screen.getByRole('group', { name: 'Cancel the training?' });
    expect(ask.textContent).toContain('the minutes it ran are billed');
    await user.click(within(ask).getByRole('button', { name: 'Keep training' }));
    expect(backend.callsTo('cancelTraining')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Cancel training…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel training' }));
    await settle();
    expect(backend.callsTo('cancelTraining')).toEqual([[DATASET_ID]]);
    // It ended before the cancel reached it: the outcome is what Replicate says.

    const weights = 'https://replicate.delivery/xezq/abc/trained_model.tar';
    const done = {
      ...processing,
      ...{ status: 'succeeded' as const, startedAt: '2026-01-01T10:01:00Z', completedAt: '2026-01-01T10:22:00Z' },
      output: { version: `alice/tok-lora:${'9'.repeat(64)}`, weights },
    };
    act(() => backend.emit('trainingUpdated', event({ record: done })));
    const result = screen.getByRole('dialog', { name: 'Your LoRA is ready' });
    expect(result.textContent).toContain('took 21 min');
    expect(screen.getByRole('textbox', { name: 'Weights URL' })).toHaveProperty('value', weights);
    const prompt = screen.getByRole('textbox', { name: 'Sample prompt' }) as HTMLInputElement;
    expect(prompt.value.startsWith('TOK')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Copy Weights URL' }));
    await settle();
    expect(result.textContent).toContain('Copied to the clipboard.');
    await user.click(screen.getByRole('button', { name: /Open alice\/tok-lora on Replicate/u }));
    expect(backend.callsTo('openExternal')).toEqual([['https://replicate.com/alice/tok-lora']]);
  });

  it('a failed training says Replicate’s reason; Train again goes back to the form', async () => {
    showTraining({
      ...manifestWith({ ...RECORD, status: 'failed', error: 'CUDA out of memory', logsTail: 'Traceback…' }),
    });
    const dialog = await openTrain();
    expect(within(dialog).getByRole('alert').textContent).toContain('CUDA out of memory');
    await user.click(screen.getByRole('button', { name: 'Train again…' }));
    await settle();
    expect(train()).toHaveProperty('disabled', false);
  });

  it('refuses while images lack a caption, and a training running when the dataset opens shows in the bar', async () => {
    backend.answer('planTraining', () => ({ ...PLAN, missingCaptions: 1 }));
    const dialog = await openTrain();
    expect(dialog.textContent).toContain('1 image still needs a valid caption');
    expect(train()).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    showTraining(manifestWith({ ...RECORD, status: 'processing', progress: { step: 10, total: 1000 } }));
    await settle();
    const bar = screen.getByRole('region', { name: 'Training on Replicate' });
    expect(bar.textContent).toContain('Training: step 10 of 1,000');
    await user.click(within(bar).getByRole('button', { name: 'Show…' }));
    expect(screen.getByRole('dialog', { name: 'Training on Replicate' })).toBeTruthy();
  });
});

function manifestWith(record: TrainingRecord) {
  return { id: DATASET_ID, trainings: [record] } as Parameters<typeof showTraining>[0];
}
