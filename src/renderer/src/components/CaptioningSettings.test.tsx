// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET_SETTINGS, openDataset } from '../../../../tests/support/dom/dataset';
import { backend } from '../../../../tests/support/dom/fake-backend';
import { letTimePass, settle, startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';
import type { KeyStatus, ListedModel } from '../../../shared/contract';
import type { DatasetManifest, DatasetSettings } from '../../../shared/dataset';
import { geminiCatalogue } from '../../../shared/model-list';
import { SettingsDialog } from '../screens/SettingsDialog';

/**
 * Settings as the user meets them: switching who captions (withProvider's limits), the server's address and its
 * model list (asked once the user pauses typing), Test's one-sentence verdict, a key per server address, and
 * what Save sends. The backend is the fake one; what it answers is what main answers.
 */

const OLLAMA = 'http://127.0.0.1:11434/v1';
const NO_KEY: KeyStatus = { present: false, source: null, masked: null };
const served = (id: string, vision: boolean | null = null): ListedModel => ({
  ...{ id, label: id, vision, known: false, costPerThousand: null, batchCostPerThousand: null },
  freeRequestsPerDay: null,
});

let user: UserEvent;
let saved: DatasetSettings;

/** The answers main gives unless a test says otherwise. */
function answerAsMain() {
  backend.answer('keyStatus', () => ({ present: true, source: 'keychain', masked: 'AIza…abcd' }));
  backend.answer('getSettings', () => DATASET_SETTINGS);
  backend.answer('factorySettings', () => DATASET_SETTINGS);
  backend.answer('listModels', (target) =>
    target.provider === 'gemini' ? geminiCatalogue() : [served('qwen2.5vl:7b'), served('llama3.2:3b', false)],
  );
  backend.answer('serverKeyStatus', () => NO_KEY);
  backend.answer('replicateTokenStatus', () => NO_KEY);
  backend.answer('updateDatasetSettings', (_id, patch) => {
    saved = { ...saved, ...patch };
    return { settings: saved } as DatasetManifest;
  });
}

/** Settings opened over a dataset with these settings (as a key problem opens them, when `open` says so). */
function start(settings: Partial<DatasetSettings> = {}, open = { focusKey: false, message: null as string | null }) {
  saved = { ...DATASET_SETTINGS, ...settings };
  openDataset([makeImage('a')], 'TOK', settings);
  render(<SettingsDialog focusKey={open.focusKey} message={open.message} />);
}

beforeEach(() => {
  user = startUser();
  answerAsMain();
});

const field = (name: string) => screen.getByRole<HTMLInputElement>('textbox', { name });
const modelPicker = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Model' });
const saveButton = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Save changes' });

describe('switching who writes the captions', () => {
  it('to a server: Ollama’s address, 2 at a time and no limit, its models; Save needs a model, then sends all of it', async () => {
    start();
    await settle();
    await user.click(screen.getByRole('button', { name: 'OpenAI-compatible server' }));
    expect(field('Address (base URL)').value).toBe(OLLAMA);
    expect(field('Parallel requests').value).toBe('2');
    expect(screen.getByRole('checkbox', { name: 'No limit' })).toHaveProperty('checked', true);
    expect(field('Requests per minute')).toHaveProperty('disabled', true);
    // No Gemini key section for a server: its own (optional) key instead.
    expect(screen.queryByRole('heading', { name: 'Gemini API key' })).toBeNull();
    await letTimePass(400);
    expect(backend.callsTo('listModels').at(-1)).toEqual([{ provider: 'openai', baseUrl: OLLAMA }]);
    expect(screen.getByText('No key: servers on this computer need none.')).toBeTruthy();

    expect(modelPicker().value).toBe('');
    expect(screen.getByText('Choose a model.')).toBeTruthy();
    expect(saveButton().disabled).toBe(true);
    expect(
      within(modelPicker())
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Choose a model…',
      'qwen2.5vl:7b — free on this computer',
      'llama3.2:3b — free on this computer · cannot see images',
    ]);
    await user.selectOptions(modelPicker(), 'qwen2.5vl:7b');
    await user.click(saveButton());
    await settle();
    expect(backend.callsTo('updateDatasetSettings')).toEqual([
      ['ds1', { provider: 'openai', baseUrl: OLLAMA, model: 'qwen2.5vl:7b', concurrency: 2, rpm: null }],
    ]);
  });

  it('back to Gemini: the default chain ending in Gemma 3 27B and the free-tier rate', async () => {
    start({ provider: 'openai', baseUrl: OLLAMA, model: 'qwen2.5vl:7b', concurrency: 2, rpm: null });
    await settle();
    await user.click(screen.getByRole('button', { name: 'Google Gemini' }));
    const chain = screen.getByRole('list', { name: 'Fallback models' });
    expect(
      within(chain)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Gemini 2.5 Flashfirst', 'Gemini 2.5 Flash-Lite', 'Gemma 3 27B']);
    expect(field('Requests per minute').value).toBe('10');
    expect(screen.getByRole('heading', { name: 'Gemini API key' })).toBeTruthy();
  });
});

describe('the server’s address', () => {
  it('asks for the model list once the user pauses typing, for the address as typed last', async () => {
    start({ provider: 'openai', baseUrl: OLLAMA, model: 'qwen2.5vl:7b', concurrency: 1, rpm: null });
    await settle();
    const before = backend.callsTo('listModels').length;
    await user.clear(field('Address (base URL)'));
    await user.type(field('Address (base URL)'), 'http://127.0.0.1:5001/v1');
    expect(backend.callsTo('listModels')).toHaveLength(before);
    await letTimePass(400);
    expect(backend.callsTo('listModels').slice(before)).toEqual([
      [{ provider: 'openai', baseUrl: 'http://127.0.0.1:5001/v1' }],
    ]);
    // Another address on this computer: the user's concurrency of 1 stays.
    const server = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Server' });
    expect(server.value).toBe('custom');
    expect(field('Parallel requests').value).toBe('1');
    // A preset picked gets that kind of server's limits; an online one a rate limit.
    await user.selectOptions(server, 'openrouter');
    expect(field('Address (base URL)').value).toBe('https://openrouter.ai/api/v1');
    expect(field('Parallel requests').value).toBe('4');
    expect(field('Requests per minute').value).toBe('60');
    await user.selectOptions(server, 'lm-studio');
    expect(field('Address (base URL)').value).toBe('http://127.0.0.1:1234/v1');
    expect(field('Parallel requests').value).toBe('2');
    expect(screen.getByRole('checkbox', { name: 'No limit' })).toHaveProperty('checked', true);
  });

  it('leaving the field on an address off this computer gives it an online service’s limits', async () => {
    start({ provider: 'openai', baseUrl: OLLAMA, model: 'qwen2.5vl:7b', concurrency: 1, rpm: null });
    await settle();
    await user.clear(field('Address (base URL)'));
    await user.type(field('Address (base URL)'), 'https://llm.example.org/v1');
    // Nothing changes while typing: half an address is no reason to reset what the user set.
    expect(field('Parallel requests').value).toBe('1');
    await user.tab();
    expect(field('Parallel requests').value).toBe('4');
    expect(screen.getByRole('checkbox', { name: 'No limit' })).toHaveProperty('checked', false);
    expect(field('Requests per minute').value).toBe('60');
  });

  it('an address that is not one says so, and cannot be saved', async () => {
    start({ provider: 'openai', baseUrl: OLLAMA, model: 'qwen2.5vl:7b', concurrency: 2, rpm: null });
    await settle();
    await user.clear(field('Address (base URL)'));
    await user.type(field('Address (base URL)'), 'localhost:11434');
    expect(screen.getByText(/An address starting with http:\/\/ or https:\/\//u)).toBeTruthy();
    expect(saveButton().disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Test' }).disabled).toBe(true);
  });

  it('Test says in one sentence what it found, or what is wrong', async () => {
    start({ provider: 'openai', baseUrl: OLLAMA, model: 'llama3.2:3b', concurrency: 2, rpm: null });
    await settle();
    await user.click(screen.getByRole('button', { name: 'Test' }));
    await settle();
    expect(screen.getByRole('status').textContent).toBe(
      'Ollama (127.0.0.1:11434) answers and offers 2 models. It says “llama3.2:3b” cannot see images: choose a vision model.',
    );
    backend.fail('listModels', 'network', 'Nothing answers at Ollama (127.0.0.1:11434): is the server running?');
    await user.click(screen.getByRole('button', { name: 'Test' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(
      'Nothing answers at Ollama (127.0.0.1:11434): is the server running?',
    );
    // The model can still be typed while the server cannot be reached.
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Model' }).value).toBe('llama3.2:3b');
  });
});

describe('a server’s key', () => {
  it('is saved for that address, shown masked, and removed again', async () => {
    start({ provider: 'openai', baseUrl: 'https://openrouter.ai/api/v1', model: 'qwen/qwen2.5-vl-72b-instruct' });
    backend.answer('setServerKey', () => ({ present: true, source: 'keychain', masked: 'sk-o…9f2a' }));
    backend.answer('removeServerKey', () => NO_KEY);
    await settle();
    expect(screen.getByText('No key yet: most online services need one.')).toBeTruthy();
    await user.type(screen.getByLabelText('API key for this server'), 'sk-or-v1-secret');
    const server = screen.getByRole('region', { name: 'Server' });
    await user.click(within(server).getByRole('button', { name: 'Test & save' }));
    await settle();
    expect(backend.callsTo('setServerKey')).toEqual([['https://openrouter.ai/api/v1', 'sk-or-v1-secret']]);
    expect(screen.getByText('sk-o…9f2a')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Replace the key for this server').value).toBe('');
    await user.click(within(server).getByRole('button', { name: 'Remove' }));
    await settle();
    expect(backend.callsTo('removeServerKey')).toEqual([['https://openrouter.ai/api/v1']]);
    expect(screen.getByRole('status').textContent).toBe('The key for this address was removed from this computer.');
  });

  it('one from OPENAI_API_KEY is named as such and cannot be removed here', async () => {
    backend.answer('serverKeyStatus', () => ({ present: true, source: 'environment', masked: 'sk-p…0000' }));
    start({ provider: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini' });
    await settle();
    expect(screen.getByText('from the OPENAI_API_KEY environment variable')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remove' })).toBeNull();
  });

  it('a key the server refused during a run opens here, with the reason, the server’s key field focused', async () => {
    const reason = 'OpenRouter refused the API key (401): No auth credentials found.';
    start(
      { provider: 'openai', baseUrl: 'https://openrouter.ai/api/v1', model: 'qwen/qwen2.5-vl-72b-instruct' },
      { focusKey: true, message: reason },
    );
    await settle();
    expect(screen.getByText(reason)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('API key for this server'));
  });
});

describe('the Replicate token', () => {
  it('is tested by Replicate before it is kept, shown masked, and one from REPLICATE_API_TOKEN is named', async () => {
    backend.answer('setReplicateToken', () => ({ present: true, source: 'keychain', masked: 'r8_a…9f2c' }));
    start();
    await settle();
    const section = screen.getByRole('region', { name: 'Replicate API token (for training)' });
    expect(section.textContent).toContain('No token yet.');
    await user.type(within(section).getByLabelText('Replicate API token'), 'r8_secret');
    await user.click(within(section).getByRole('button', { name: 'Test & save' }));
    await settle();
    expect(backend.callsTo('setReplicateToken')).toEqual([['r8_secret']]);
    expect(within(section).getByText('r8_a…9f2c')).toBeTruthy();
    expect(within(section).getByRole('status').textContent).toBe(
      'Replicate accepted the token; it is saved in your system keychain.',
    );
    expect(within(section).getByRole('button', { name: 'Remove' })).toBeTruthy();

    cleanup();
    backend.answer('replicateTokenStatus', () => ({ present: true, source: 'environment', masked: 'r8_e…0000' }));
    start();
    await settle();
    const again = screen.getByRole('region', { name: 'Replicate API token (for training)' });
    expect(again.textContent).toContain('from the REPLICATE_API_TOKEN environment variable');
    expect(within(again).queryByRole('button', { name: 'Remove' })).toBeNull();
  });
});
