import { text } from 'node:stream/consumers';
import { createKeychainStore, looksLikeApiKey, maskKey, resolveApiKey } from '../core/secrets';
import { isAppError } from '../shared/errors';

/**
 * `key set|status|remove`. `set` reads the key from stdin so it never lands in shell history or `ps` output.
 */
export async function runKeyCommand(action: 'set' | 'status' | 'remove'): Promise<number> {
  const store = createKeychainStore();
  try {
    if (action === 'set') {
      if (process.stdin.isTTY) process.stderr.write('Paste your Gemini API key, then press Enter and Ctrl+D: ');
      const key = (await text(process.stdin)).trim();
      const problem = looksLikeApiKey(key);
      if (problem) {
        process.stderr.write(`${problem}\n`);
        return 2;
      }
      await store.set(key);
      process.stderr.write(`Saved ${maskKey(key)} in the OS keychain.\n`);
      return 0;
    }
    if (action === 'remove') {
      process.stderr.write((await store.remove()) ? 'Removed the key from the OS keychain.\n' : 'No key was stored.\n');
      return 0;
    }
    const found = await resolveApiKey(store);
    process.stdout.write(found ? `${maskKey(found.key)} (from the ${found.source})\n` : 'No API key set.\n');
    return found ? 0 : 1;
  } catch (e) {
    process.stderr.write(`${isAppError(e) ? e.message : String(e)}\n`);
    return 3;
  }
}
