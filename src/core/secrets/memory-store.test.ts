import { describe, expect, it } from 'vitest';
import { keychainUnavailable } from './keychain-error';
import { createMemoryKeyStore } from './memory-store';

describe('createMemoryKeyStore', () => {
  it('behaves like the keychain: set, get, overwrite, remove', async () => {
    const store = createMemoryKeyStore();
    expect(await store.get()).toBeNull();
    await store.set('first');
    await store.set('second');
    expect(await store.get()).toBe('second');
    expect(await store.remove()).toBe(true);
    expect(await store.remove()).toBe(false);
    await expect(store.set('')).rejects.toMatchObject({ kind: 'validation' });
  });

  it('can play a machine without a keychain', async () => {
    const store = createMemoryKeyStore('x', { unavailable: true });
    await expect(store.get()).rejects.toMatchObject({ kind: 'io' });
    await expect(store.set('y')).rejects.toMatchObject({ kind: 'io' });
    await expect(store.remove()).rejects.toMatchObject({ kind: 'io' });
  });
});

describe('keychainUnavailable', () => {
  it('keeps the library reason but scrubs the secret out of it', () => {
    const secret = 'AIzaSyD-0123456789abcdefghijklmnopqX9f2';
    const e = keychainUnavailable(new Error(`store failed for ${secret}\nstack...`), secret);
    expect(e.kind).toBe('io');
    expect(e.message).not.toContain(secret);
    expect(e.message).toContain('store failed for [redacted]');
    expect(e.message).not.toContain('stack');
    expect(e.message).toContain('GEMINI_API_KEY');
  });
});
