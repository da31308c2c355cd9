import { describe, expect, it } from 'vitest';
import { resolveApiKey } from './api-key';
import { createMemoryKeyStore } from './memory-store';

describe('resolveApiKey', () => {
  const stored = createMemoryKeyStore('AIzaStoredKey0000000000000000000000000');

  it('prefers GEMINI_API_KEY, then GOOGLE_API_KEY, then the keychain', async () => {
    const env = { GEMINI_API_KEY: ' gemini-key ', GOOGLE_API_KEY: 'google-key' };
    expect(await resolveApiKey(stored, env)).toEqual({ key: 'gemini-key', source: 'environment' });
    expect(await resolveApiKey(stored, { GOOGLE_API_KEY: 'google-key' })).toEqual({
      key: 'google-key',
      source: 'environment',
    });
    expect(await resolveApiKey(stored, { GEMINI_API_KEY: '  ' })).toEqual({
      key: 'AIzaStoredKey0000000000000000000000000',
      source: 'keychain',
    });
  });

  it('returns null when no key is anywhere', async () => {
    expect(await resolveApiKey(createMemoryKeyStore(), {})).toBeNull();
  });

  it('does not touch an unavailable keychain when the environment has a key, and reports it otherwise', async () => {
    const broken = createMemoryKeyStore(null, { unavailable: true });
    expect(await resolveApiKey(broken, { GEMINI_API_KEY: 'k' })).toEqual({ key: 'k', source: 'environment' });
    await expect(resolveApiKey(broken, {})).rejects.toMatchObject({
      kind: 'io',
      message: expect.stringContaining('GEMINI_API_KEY'),
    });
  });
});
