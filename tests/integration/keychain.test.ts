import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeychainStore, resolveApiKey } from '../../src/core/secrets';

/**
 * Runs against the real OS keychain. On Linux `node scripts/with-test-env.mjs` provides a private D-Bus session
 * with an unlocked gnome-keyring and sets CAPTION_STUDIO_TEST_KEYRING=1; without it these tests are skipped,
 * never pointed at the developer's own keyring.
 */
const REAL_KEYRING = process.env.CAPTION_STUDIO_TEST_KEYRING === '1';
const REPO = resolve(import.meta.dirname, '../..');
const KEY = `AIzaSyTest-${randomUUID().replaceAll('-', '')}`;
// A service name of its own per run, so parallel or aborted runs never see each other's entries.
const SERVICE = `com.captionstudio.test.${process.pid}.${randomUUID()}`;

describe.skipIf(!REAL_KEYRING)(
  'OS keychain via Secret Service (skipped: CAPTION_STUDIO_TEST_KEYRING is not set; run through scripts/with-test-env.mjs)',
  () => {
    const store = createKeychainStore({ service: SERVICE });
    const other = createKeychainStore({ service: SERVICE, account: 'other-account' });
    afterAll(async () => {
      await store.remove();
      await other.remove();
    });

    it('starts empty, then round-trips set, get and remove', async () => {
      expect(await store.get()).toBeNull();
      await store.set(KEY);
      expect(await store.get()).toBe(KEY);
      expect(await createKeychainStore({ service: SERVICE }).get()).toBe(KEY); // a new handle reads the same entry
      expect(await store.remove()).toBe(true);
      expect(await store.get()).toBeNull();
    });

    it('overwrites an existing key', async () => {
      await store.set(KEY);
      await store.set(`${KEY}-new`);
      expect(await store.get()).toBe(`${KEY}-new`);
    });

    it('reports false when removing a key that is not there', async () => {
      await store.remove();
      expect(await store.remove()).toBe(false);
    });

    it('keeps accounts apart', async () => {
      await store.set(KEY);
      await other.set('AIzaOtherAccountKey0000000000000000000');
      expect(await store.get()).toBe(KEY);
      expect(await other.remove()).toBe(true);
      expect(await store.get()).toBe(KEY);
    });

    it('lets the environment override the keychain: GEMINI_API_KEY, then GOOGLE_API_KEY', async () => {
      await store.set(KEY);
      expect(await resolveApiKey(store, {})).toEqual({ key: KEY, source: 'keychain' });
      expect(await resolveApiKey(store, { GOOGLE_API_KEY: 'google' })).toEqual({
        key: 'google',
        source: 'environment',
      });
      expect(await resolveApiKey(store, { GOOGLE_API_KEY: 'google', GEMINI_API_KEY: 'gemini' })).toEqual({
        key: 'gemini',
        source: 'environment',
      });
    });
  },
);

describe.skipIf(process.platform !== 'linux')('keychain unavailable (Linux, no D-Bus session bus)', () => {
  it('fails with a plain io error that names GEMINI_API_KEY and never contains the key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cs-keychain-'));
    try {
      const script = join(dir, 'no-bus.mts');
      const secretsModule = join(REPO, 'src/core/secrets/index.ts');
      await writeFile(
        script,
        `import { createKeychainStore } from ${JSON.stringify(secretsModule)};
const store = createKeychainStore({ service: ${JSON.stringify(SERVICE)} });
const out = {};
for (const [name, op] of [['set', () => store.set(process.env.TEST_SECRET)], ['get', () => store.get()], ['remove', () => store.remove()]]) {
  try { await op(); out[name] = 'ok'; } catch (e) { out[name] = { kind: e.kind, message: e.message }; }
}
process.stdout.write(JSON.stringify(out));`,
      );
      // A fresh process: libdbus reads the bus address once per process, so it cannot be changed in-process.
      const r = spawnSync(process.execPath, ['--import', 'tsx', script], {
        cwd: REPO,
        encoding: 'utf8',
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'no-such-bus')}`, TEST_SECRET: KEY },
      });
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as Record<string, { kind: string; message: string }>;
      for (const op of ['set', 'get', 'remove']) {
        expect(out[op]?.kind, op).toBe('io');
        expect(out[op]?.message).toMatch(/keychain is unavailable.*GEMINI_API_KEY/);
      }
      expect(r.stdout + r.stderr).not.toContain(KEY);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
