import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames } from '../../src/shared/contract';
import { removeDir } from '../support/fixtures';
import { call, type Harness, refused, startHarness } from './handlers-harness';

/** The boundary every request crosses: unknown names and bad arguments never reach a handler. */

describe('dispatch over the backend handler table', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.backend.shutdown();
    await removeDir(h.root);
  });

  it('has a handler for every call of the contract, and nothing else', () => {
    expect(Object.keys(h.backend.handlers).sort()).toEqual([...callNames].sort());
    for (const name of callNames) expect(typeof h.backend.handlers[name]).toBe('function');
  });

  it('rejects unknown call names, including prototype keys', async () => {
    for (const name of ['nope', 'constructor', '__proto__', 'toString']) {
      const error = await refused(h, name);
      expect(error.kind).toBe('validation');
      expect(error.message).toMatch(/Unknown request/u);
    }
  });

  it('rejects ids that could escape the data folder, and wrong argument shapes', async () => {
    for (const id of ['../x', '..', 'a/b', 'a\\b', '', 'x'.repeat(129)]) {
      expect((await refused(h, 'openDataset', id)).kind).toBe('validation');
      expect((await refused(h, 'setCaption', 'dataset', id, 'text')).kind).toBe('validation');
    }
    expect((await refused(h, 'openDataset')).kind).toBe('validation');
    expect((await refused(h, 'openDataset', 42)).kind).toBe('validation');
    expect((await refused(h, 'setSettings', { rpm: 'fast' })).kind).toBe('validation');
    expect((await refused(h, 'openExternal', 'not a url')).kind).toBe('validation');
  });

  it('answers a missing dataset as not-found and dialogs through the port', async () => {
    expect((await refused(h, 'openDataset', 'no-such-dataset')).kind).toBe('not-found');
    expect(await call(h, 'chooseFolder')).toEqual({ ok: true, value: null });
  });
});
