import { APP_ID } from '../../app-paths';
import { loadedNativeFile } from '../native-file';
import type { Check } from '../runner';

/**
 * The two native addons, loaded the way the app loads them: by importing the modules that use them, so the
 * resolution starts where the app's own code is (inside app.asar once packaged). Imported here, not at the top,
 * so a broken addon fails its own line instead of the whole self-test.
 */

/** The libraries inside libvips that decode the supported formats, as sharp.versions names them. */
const CODECS = ['mozjpeg', 'png', 'spng', 'webp', 'heif', 'aom', 'tiff', 'cgif'] as const;

export function sharpCheck(): Check {
  return {
    name: 'sharp + libvips',
    async run() {
      const { default: sharp } = await import('sharp');
      const versions: Record<string, string | undefined> = sharp.versions;
      const codecs = CODECS.filter((name) => versions[name]).map((name) => `${name} ${versions[name]}`);
      const native = loadedNativeFile(/sharp-[^\\/]*\.node$/);
      return `sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips} (${codecs.join(', ')}), ${native}`;
    },
  };
}

export function keychainCheck(platform: NodeJS.Platform = process.platform): Check {
  return {
    name: 'keychain binding',
    async run() {
      const { AsyncEntry } = await import('@napi-rs/keyring');
      const { GEMINI_KEY_ACCOUNT, PINNED_STORE } = await import('../../secrets/keychain-store');
      // Constructing an entry only names it: no secret is read or written, so no unlock prompt can appear.
      new AsyncEntry(APP_ID, GEMINI_KEY_ACCOUNT);
      const addon = loadedNativeFile(/keyring[^\\/]*\.node$/);
      if (platform !== 'linux') return `entry created (nothing read or written), ${addon}`;
      // On Linux the app pins the Secret Service, whose constructor connects to D-Bus. Its absence is the
      // desktop's, not the installation's, and the app works with GEMINI_API_KEY, so it is reported, not failed.
      try {
        new AsyncEntry(APP_ID, GEMINI_KEY_ACCOUNT, PINNED_STORE);
        return `entry created, Secret Service reachable (nothing read or written), ${addon}`;
      } catch (e) {
        const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
        return `binding works, but the Secret Service is not reachable (${reason}): the app will need GEMINI_API_KEY; ${addon}`;
      }
    },
  };
}
