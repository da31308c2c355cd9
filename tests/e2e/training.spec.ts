import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FAKE_REPLICATE_TOKEN, type FakeReplicate, TRAINER_MODEL } from '../fake-replicate';
import { readZip } from '../support/zip';
import { expectNoViolations } from './support/axe';
import { createDataset, dialog } from './support/flows';
import { writePhotos } from './support/photos';
import { expect, FAST_SETTINGS, snap, test } from './support/test';

/**
 * Train on Replicate through the preview against the fake Replicate, driven by the real `replicate` client in the
 * preview: the token pasted in the dialog (a wrong one refused), the plan with nothing uploaded before the click,
 * the training followed live to its weights; a refusal for credit and a failed training in plain words; and a
 * training picked up again after the page reloads, never started twice. Trainings move only when the test says
 * (`manual`), so every screen is seen in the state it is about.
 */

const TRIGGER = 'train_test';
const caption = (n: number) => `photo of ${TRIGGER} a coloured card with a band, view ${n}`;
const FAKE_VERSION = createHash('sha256').update(`${TRAINER_MODEL} fake version`).digest('hex');

test.use({ previewConfig: { withKey: true, settings: FAST_SETTINGS, replicate: { trainingProgress: 'manual' } } });

/** A dataset of three photos with their captions beside them (imported as captions): ready to train. */
async function captionedDataset(page: Page, workdir: string): Promise<string[]> {
  const folder = join(workdir, 'photos');
  const names = await writePhotos(folder, 3);
  for (const [i, name] of names.entries())
    await writeFile(join(folder, name.replace(/\.jpg$/u, '.txt')), caption(i + 1));
  const report = await createDataset(page, TRIGGER, folder);
  await report.getByRole('button', { name: 'Start reviewing' }).click();
  return names;
}

async function openTrain(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'More export options' }).click();
  await page.getByRole('menuitem', { name: 'Train on Replicate…' }).click();
}

async function pasteToken(page: Page, token: string): Promise<void> {
  const train = dialog(page, 'Train on Replicate');
  await train.getByRole('textbox', { name: /Replicate API token$/u }).fill(token);
  await train.getByRole('button', { name: 'Test & save' }).click();
}

function need(replicate: FakeReplicate | null): FakeReplicate {
  if (!replicate) throw new Error('This spec runs with a fake Replicate (previewConfig.replicate).');
  return replicate;
}

/** The id of the one training the fake has (the app never starts two). */
async function onlyTraining(fake: FakeReplicate): Promise<string> {
  await expect.poll(() => fake.state.trainings.size).toBe(1);
  return [...fake.state.trainings.keys()][0] ?? '';
}

test('token, plan, nothing uploaded before the click, then the training followed to its weights', async ({
  app: page,
  workdir,
  replicate,
  preview,
}) => {
  const fake = need(replicate);
  const names = await captionedDataset(page, workdir);
  await openTrain(page);
  const train = dialog(page, 'Train on Replicate');

  await test.step('no token yet: asked for, a wrong one refused by Replicate', async () => {
    await expect(train.getByText(/Training runs on your own Replicate account/u)).toBeVisible();
    await snap(page, 'train-token');
    await expectNoViolations(page, 'train dialog asking for a token');
    await pasteToken(page, 'r8_not_the_right_token');
    await expect(train.getByRole('alert')).toContainText('Replicate did not accept the API token');
  });

  await test.step('the right token: the plan, with the trainer looked up and its defaults', async () => {
    await pasteToken(page, FAKE_REPLICATE_TOKEN);
    await expect(train).toContainText(`ostris/flux-dev-lora-trainer, latest version ${FAKE_VERSION.slice(0, 8)}`);
    await expect(train.getByRole('textbox', { name: 'Destination model' })).toHaveValue(
      'caption-tester/train-test-lora',
    );
    await expect(train.getByRole('textbox', { name: 'Steps' })).toHaveValue('1000');
    await expect(train.getByRole('textbox', { name: 'LoRA rank' })).toHaveValue('16');
    await expect(train.getByRole('textbox', { name: 'Learning rate' })).toHaveValue('0.0004');
    await expect(train).toContainText('Trigger word');
    await expect(train).toContainText(TRIGGER);
    await expect(train).toContainText('3 images with their captions');
    await snap(page, 'train-setup');
    await expectNoViolations(page, 'train dialog with its plan');
    const sent = fake.requests.map((r) => r.kind);
    expect(sent).not.toContain('files.create');
    expect(sent).not.toContain('trainings.create');
    expect(sent).not.toContain('models.create');
  });

  const id = await test.step('Upload and train: the ZIP uploaded, the training started as asked', async () => {
    await train.getByRole('textbox', { name: 'Steps' }).fill('1200');
    await train.getByRole('button', { name: 'Upload and train' }).click();
    const trainingId = await onlyTraining(fake);
    const input = fake.state.training(trainingId)?.input ?? {};
    expect(input).toMatchObject({ trigger_word: TRIGGER, autocaption: false, steps: 1200, lora_rank: 16 });
    const [upload] = fake.state.uploadedFiles();
    const zipPath = join(workdir, 'uploaded.zip');
    await writeFile(zipPath, upload?.bytes ?? Buffer.alloc(0));
    const zip = await readZip(zipPath);
    expect([...zip.keys()].sort()).toEqual(names.flatMap((n) => [n, n.replace(/\.jpg$/u, '.txt')]).sort());
    expect(zip.get(names[0]?.replace(/\.jpg$/u, '.txt') ?? '')?.toString('utf8')).toBe(caption(1));
    return trainingId;
  });

  const live = dialog(page, 'Training on Replicate');
  await test.step('followed live: the status and the tail of the log; Cancel asks first', async () => {
    fake.advanceTraining(id);
    fake.advanceTraining(id);
    await expect(live.getByRole('log', { name: 'Training log' })).toContainText('Extracted 6 files from zip');
    await expect(live).toContainText(/Training: step [\d,]+ of 1,200/u);
    await live.getByRole('button', { name: 'Cancel training…' }).click();
    await expect(live.getByRole('group', { name: 'Cancel the training?' })).toContainText(
      'the minutes it ran are billed',
    );
    await snap(page, 'train-progress');
    await expectNoViolations(page, 'training followed live, cancel asked');
    await live.getByRole('button', { name: 'Keep training' }).click();
  });

  await test.step('succeeded: the model page, the weights URL and a prompt starting with the trigger', async () => {
    fake.settleTraining(id, 'succeeded');
    const done = dialog(page, 'Your LoRA is ready');
    await expect(done).toBeVisible();
    await expect(done.getByRole('textbox', { name: 'Weights URL' })).toHaveValue(
      /^https:\/\/replicate\.delivery\/.+\.tar$/u,
    );
    await expect(done.getByRole('textbox', { name: 'Sample prompt' })).toHaveValue(new RegExp(`^${TRIGGER},`, 'u'));
    await done.getByRole('button', { name: 'Copy Weights URL' }).click();
    await expect(done.getByRole('status').filter({ hasText: 'Copied to the clipboard.' })).toBeVisible();
    await snap(page, 'train-succeeded');
    await expectNoViolations(page, 'training succeeded');
    await done.getByRole('button', { name: /Open caption-tester\/train-test-lora on Replicate/u }).click();
    await expect
      .poll(() => preview.output.join(''))
      .toContain('[preview] open in browser: https://replicate.com/caption-tester/train-test-lora');
    await page.keyboard.press('Escape');
    await expect(done).toBeHidden();
  });

  await test.step('Settings shows the token saved from the dialog, masked, with its page a click away', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const section = dialog(page, 'Settings').getByRole('region', { name: 'Replicate API token (for training)' });
    await section.scrollIntoViewIfNeeded();
    const masked = `${FAKE_REPLICATE_TOKEN.slice(0, 4)}…${FAKE_REPLICATE_TOKEN.slice(-4)}`;
    await expect(section.getByText(masked, { exact: true })).toBeVisible();
    await expect(section).toContainText('saved in your system keychain');
    await expect(section.getByRole('button', { name: 'Remove' })).toBeVisible();
    await section.getByRole('button', { name: /Get a token at Replicate/u }).click();
    await expect
      .poll(() => preview.output.join(''))
      .toContain('[preview] open in browser: https://replicate.com/account/api-tokens');
    await snap(page, 'settings-replicate-token');
    await expectNoViolations(page, 'settings with a Replicate token');
  });
});

test('no credit, then a failed training: Replicate’s reasons in plain words', async ({
  app: page,
  workdir,
  replicate,
}) => {
  const fake = need(replicate);
  await captionedDataset(page, workdir);
  await openTrain(page);
  await pasteToken(page, FAKE_REPLICATE_TOKEN);
  const train = dialog(page, 'Train on Replicate');
  const start = train.getByRole('button', { name: 'Upload and train' });

  fake.setBehaviour({ credit: false });
  await start.click();
  await expect(train.getByRole('alert')).toContainText('Your Replicate account has no credit left');
  await expect(train.getByRole('button', { name: /Add credit at Replicate/u })).toBeVisible();
  await snap(page, 'train-no-credit');
  await expectNoViolations(page, 'train dialog refused for credit');
  expect(fake.state.trainings.size).toBe(0);

  fake.setBehaviour({ credit: true });
  await start.click();
  const id = await onlyTraining(fake);
  await expect(dialog(page, 'Training on Replicate')).toBeVisible();
  fake.settleTraining(id, 'failed', 'CUDA out of memory. Tried to allocate 2.00 GiB');
  const failed = dialog(page, 'Train on Replicate');
  await expect(failed.getByRole('alert')).toContainText('The training failed.');
  await expect(failed.getByRole('alert')).toContainText('CUDA out of memory');
  await snap(page, 'train-failed');
  await expectNoViolations(page, 'training failed');
  await failed.getByRole('button', { name: 'Train again…' }).click();
  await expect(failed.getByRole('button', { name: 'Upload and train' })).toBeEnabled();
});

test('a training goes on across a reload: the workspace picks it up and follows it to the end', async ({
  app: page,
  workdir,
  replicate,
}) => {
  const fake = need(replicate);
  await captionedDataset(page, workdir);
  await openTrain(page);
  await pasteToken(page, FAKE_REPLICATE_TOKEN);
  await dialog(page, 'Train on Replicate').getByRole('button', { name: 'Upload and train' }).click();
  const id = await onlyTraining(fake);
  fake.advanceTraining(id);
  await expect(dialog(page, 'Training on Replicate')).toContainText('Training:');
  await page.keyboard.press('Escape');

  const bar = page.getByRole('region', { name: 'Training on Replicate' });
  await expect(bar).toContainText('Training:');
  await page.reload();
  await page.getByRole('button', { name: 'Open photos' }).click();
  await expect(bar).toContainText('Training:');
  await expect(bar).toContainText('caption-tester/train-test-lora');
  await snap(page, 'train-bar-after-reload');
  await expectNoViolations(page, 'workspace with a training running');

  fake.advanceTraining(id);
  fake.settleTraining(id, 'succeeded');
  await expect(bar).toContainText('Your LoRA is ready');
  await bar.getByRole('button', { name: 'Details…' }).click();
  await expect(dialog(page, 'Your LoRA is ready').getByRole('textbox', { name: 'Weights URL' })).toBeVisible();
  expect(fake.state.trainings.size).toBe(1);
  expect(fake.requests.filter((r) => r.kind === 'trainings.create')).toHaveLength(1);
});
