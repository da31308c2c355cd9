import { join } from 'node:path';
import { closedPortUrl, type FakeOpenAi, startFakeOpenAi } from '../fake-openai';
import { expectNoViolations } from './support/axe';
import { createDataset, dialog, tile } from './support/flows';
import { writePhotos } from './support/photos';
import { expect, snap, test } from './support/test';

/**
 * Captioning with a model on this computer: the fake OpenAI-compatible server plays Ollama (a vision model and a
 * text-only one). Settings switches to it (Ollama's preset, its address replaced by the fake's), lists its models,
 * tests it and picks one; the run uses it; the editor says which model wrote each caption, and the gallery filters
 * by it so those captions can be selected together. axe checks the new screens in both themes.
 */

const COUNT = 5;
const VISION = 'qwen2.5vl:7b';
const TEXT_ONLY = 'llama3.2:3b';

let server: FakeOpenAi;

test.beforeEach(async () => {
  server = await startFakeOpenAi({
    flavour: 'ollama',
    models: [VISION, { id: TEXT_ONLY, vision: 'error' }],
    latencyMs: 80,
  });
});

test.afterEach(async () => {
  await server.close();
});

test('caption with a local model: pick the server and its model in Settings, run, filter by model', async ({
  app: page,
  workdir,
  fake,
}) => {
  const names = await writePhotos(join(workdir, 'photos'), COUNT);
  const report = await createDataset(page, 'local_test', join(workdir, 'photos'));
  await report.getByRole('button', { name: 'Start reviewing' }).click();
  const host = new URL(server.url).host;

  await test.step('Settings: an OpenAI-compatible server, Ollama’s preset, the fake’s address', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = dialog(page, 'Settings');
    await settings.getByRole('button', { name: 'OpenAI-compatible server' }).click();
    await expect(settings.getByRole('combobox', { name: 'Server', exact: true })).toHaveValue('ollama');
    const address = settings.getByRole('textbox', { name: 'Address (base URL)' });
    await expect(address).toHaveValue('http://127.0.0.1:11434/v1');
    // A local server gets two requests at a time and no rate limit.
    await expect(settings.getByRole('textbox', { name: 'Parallel requests' })).toHaveValue('2');
    await expect(settings.getByRole('checkbox', { name: 'No limit' })).toBeChecked();

    await address.fill(server.url);
    await expect(settings.getByRole('combobox', { name: 'Server', exact: true })).toHaveValue('custom');
    const model = settings.getByRole('combobox', { name: 'Model', exact: true });
    await expect(
      model.getByRole('option', { name: new RegExp(`^${VISION} — free on this computer`, 'u') }),
    ).toHaveCount(1);
    await model.selectOption(VISION);

    await settings.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(settings.getByRole('status')).toHaveText(
      `The server at ${host} answers and offers 2 models, including “${VISION}”. The server does not say whether it sees images; the first caption will.`,
    );
    await expect(settings.getByText('No key: servers on this computer need none.')).toBeVisible();
    await snap(page, 'settings-local-server');
    await settings.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Saved for this dataset.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(settings).toBeHidden();
  });

  await test.step('the Caption dialog names the model and the server; nothing to pay', async () => {
    await page.getByRole('button', { name: 'Caption…' }).click();
    const caption = dialog(page, 'Caption images');
    await expect(caption.getByText(`on the server at ${host}`)).toBeVisible();
    await expect(caption.getByText(VISION, { exact: true })).toBeVisible();
    await expect(caption.getByText('runs on this computer')).toBeVisible();
    await expect(caption.getByText('Up to 2 at a time, no rate limit.')).toBeVisible();
    await snap(page, 'caption-dialog-local-server');
    await expectNoViolations(page, 'caption dialog for a local server');
    await caption.getByRole('button', { name: `Caption ${COUNT} images` }).click();
  });

  await test.step('every image captioned by the local model; the editor says so', async () => {
    for (const name of names) await expect(tile(page, name)).toHaveAccessibleName(/, Captioned$/u);
    await expect(page.getByText(`Run finished: ${COUNT} captions written`)).toBeVisible();
    const chats = server.requests.filter((r) => r.kind === 'chat');
    expect(chats.map((r) => r.model)).toEqual(Array(COUNT).fill(VISION));
    expect(server.maxConcurrent).toBeLessThanOrEqual(2);
    expect(fake.requests.filter((r) => r.kind === 'generateContent')).toEqual([]);
    await tile(page, names[0] ?? '').click();
    const editor = page.getByRole('complementary', { name: 'Caption editor' });
    await expect(editor.getByText(`Written by ${VISION} via the server at ${host}`)).toBeVisible();
    await snap(page, 'workspace-local-model');
  });

  await test.step('a caption typed by hand is "you"; the gallery filters by who wrote it', async () => {
    const editor = page.getByRole('complementary', { name: 'Caption editor' });
    const field = editor.getByRole('textbox', { name: 'Caption' });
    await field.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' in soft light');
    await page.keyboard.press('Escape');
    await expect(editor.getByText('Written by you')).toBeVisible();

    const writtenBy = page.getByRole('combobox', { name: 'Written by' });
    await expect(writtenBy.getByRole('option')).toHaveText(['Anyone', `${VISION} (${COUNT - 1})`, 'You (1)']);
    await writtenBy.selectOption({ label: `${VISION} (${COUNT - 1})` });
    const options = page.getByRole('listbox', { name: 'Images' }).getByRole('option');
    await expect(options).toHaveCount(COUNT - 1);
    await page.getByRole('button', { name: `Select all ${COUNT - 1}` }).click();
    await expect(page.getByText(`${COUNT - 1} images selected`)).toBeVisible();
    await snap(page, 'gallery-written-by-filter');
    await expectNoViolations(page, 'gallery filtered by model, all selected');
    // "Caption…" now offers exactly those images for a new caption.
    await page.getByRole('button', { name: 'Caption…' }).click();
    await expect(dialog(page, 'Caption images').getByRole('radio', { name: /Selected images/u })).toBeChecked();
    await expect(
      dialog(page, 'Caption images').getByRole('button', { name: `Caption ${COUNT - 1} images` }),
    ).toBeVisible();
    await page.keyboard.press('Escape');
  });
});

test('a model that cannot see images stops the run once, saying what to do', async ({ app: page, workdir }) => {
  await writePhotos(join(workdir, 'photos'), COUNT);
  const report = await createDataset(page, 'blind_test', join(workdir, 'photos'));
  await report.getByRole('button', { name: 'Start reviewing' }).click();

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = dialog(page, 'Settings');
  await settings.getByRole('button', { name: 'OpenAI-compatible server' }).click();
  await settings.getByRole('textbox', { name: 'Address (base URL)' }).fill(server.url);
  await settings.getByRole('combobox', { name: 'Model', exact: true }).selectOption(TEXT_ONLY);
  await settings.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved for this dataset.')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Caption…' }).click();
  await dialog(page, 'Caption images')
    .getByRole('button', { name: `Caption ${COUNT} images` })
    .click();
  await expect(page.getByText(`Stopped: ${TEXT_ONLY} cannot see images`)).toBeVisible();
  await expect(page.getByText(/Choose a model that takes images/u)).toBeVisible();
  // One request found out; the run did not send the other images to fail the same way.
  expect(server.requests.filter((r) => r.kind === 'chat').length).toBeLessThanOrEqual(2);
  await snap(page, 'run-bar-no-vision');
  await expectNoViolations(page, 'run bar: a model without vision');
  await page.getByRole('button', { name: 'Open settings' }).click();
  await expect(dialog(page, 'Settings')).toBeVisible();
});

test('a server that is not running is one clear message in Settings', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = dialog(page, 'Settings');
  await settings.getByRole('button', { name: 'OpenAI-compatible server' }).click();
  const nobody = await closedPortUrl();
  await settings.getByRole('textbox', { name: 'Address (base URL)' }).fill(nobody);
  await settings.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(settings.getByRole('alert')).toHaveText(
    `Nothing answers at the server at ${new URL(nobody).host}: is the server running?`,
  );
  await snap(page, 'settings-server-not-running');
  await expectNoViolations(page, 'settings: a server that is not running');
});
