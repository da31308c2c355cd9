import { PROJECT_REPO_PATH } from '../security';

/**
 * The update decisions, as plain functions: whether to update at all, how, and what the user is told.
 *
 * Why "signed" is read from the installed app's own code signature (see mac-signing.ts) rather than a build-time
 * flag: the same build job produces signed or ad-hoc builds depending on whether the signing secrets exist in CI,
 * and the bundle's signature is the one fact that cannot disagree with what Squirrel.Mac will check. Squirrel.Mac
 * refuses any update unless the running app carries a Developer ID signature, so for ad-hoc or unsigned builds we
 * only point at the release page. A signature error from the updater itself is the backstop (isSignatureError).
 */

/** off: not an installed app (development). auto: download in the background, ask to restart. notify: link only. */
export type UpdateStrategy = 'off' | 'auto' | 'notify';
export type MacSigning = 'developer-id' | 'adhoc' | 'unsigned' | 'unknown';

export interface UpdateEnvironment {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** Only consulted on macOS. */
  macSigning: MacSigning;
}

export function updateStrategy({ isPackaged, platform, macSigning }: UpdateEnvironment): UpdateStrategy {
  if (!isPackaged) return 'off';
  if (platform === 'darwin' && macSigning !== 'developer-id') return 'notify';
  return 'auto';
}

/** Reads `codesign -dv --verbose=2 <app>` output (it prints to stderr). */
export function parseCodesign(output: string): MacSigning {
  if (/code object is not signed/i.test(output)) return 'unsigned';
  if (/^Signature=adhoc/m.test(output)) return 'adhoc';
  if (/^Authority=Developer ID Application:/m.test(output)) return 'developer-id';
  return 'unknown';
}

/** Squirrel.Mac's wording when the running or downloaded app's signature does not satisfy it. */
export function isSignatureError(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /code ?signature|did not pass validation|not signed|SecCodeCheckValidity|code failed to satisfy/i.test(text);
}

/** On the allow-list of security.ts, so the shell adapter will open it. */
export function releasePageUrl(version: string): string {
  return `https://github.com${PROJECT_REPO_PATH}/releases/tag/v${encodeURIComponent(version.replace(/^v/, ''))}`;
}

export interface UpdateMessage {
  message: string;
  detail: string;
  buttons: string[];
}

export const UPDATE_TEXT = {
  readyToInstall: (version: string): UpdateMessage => ({
    message: `Caption Studio ${version} is ready to install. Restart now?`,
    detail: 'Your captions are saved before Caption Studio restarts. If you choose Later, it installs when you quit.',
    buttons: ['Restart', 'Later'],
  }),
  available: (version: string): UpdateMessage => ({
    message: 'A new version is available',
    detail: `Caption Studio ${version} can be downloaded from the release page.`,
    buttons: ['Open Release Page', 'Later'],
  }),
  downloading: (version: string): UpdateMessage => ({
    message: `Caption Studio ${version} is downloading`,
    detail: 'It downloads in the background; you will be asked to restart when it is ready.',
    buttons: ['OK'],
  }),
  upToDate: (version: string): UpdateMessage => ({
    message: 'Caption Studio is up to date',
    detail: `Version ${version} is the newest version.`,
    buttons: ['OK'],
  }),
  failed: (): UpdateMessage => ({
    message: 'Could not check for updates',
    detail: 'Check your internet connection and try again later.',
    buttons: ['OK'],
  }),
  unavailable: (): UpdateMessage => ({
    message: 'Updates are not available',
    detail: 'This copy of Caption Studio was not installed from a release, so it does not update itself.',
    buttons: ['OK'],
  }),
} as const;
