import type { Logger } from '../../core/ports';
import { isSignatureError, releasePageUrl, UPDATE_TEXT, type UpdateMessage, type UpdateStrategy } from './strategy';

/**
 * The update flow over injected ports (the electron-updater object, dialogs, the browser, the quit guard), so it
 * runs in unit tests without Electron. Nothing here may throw into the app: being offline is an ordinary state.
 */

interface UpdateInfoLike {
  version: string;
}

/** The part of electron-updater's AppUpdater used here. */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: { info(m?: unknown): void; warn(m?: unknown): void; error(m?: unknown): void } | null;
  on(event: 'update-downloaded', listener: (info: UpdateInfoLike) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: UpdateInfoLike } | null>;
  quitAndInstall(): void;
}

type CheckSource = 'startup' | 'menu';

export interface UpdateControllerDeps {
  strategy: UpdateStrategy;
  platform: NodeJS.Platform;
  currentVersion: string;
  /** Loaded only when updates are on, so development runs never touch electron-updater. */
  loadUpdater(): Promise<UpdaterPort>;
  /** Shows a message; resolves with the index of the chosen button. */
  show(message: UpdateMessage): Promise<number>;
  /** Opens a URL through the allow-listed shell adapter. */
  openLink(url: string): void;
  /** Runs `install` once the quit guard has stopped any run and the backend has saved everything. */
  restartWith(install: () => void): void;
  log: Logger;
}

export interface UpdateController {
  check(source: CheckSource): Promise<void>;
}

const text = (m: unknown) => (m instanceof Error ? m.message : String(m));

export function createUpdateController(deps: UpdateControllerDeps): UpdateController {
  const { log } = deps;
  let strategy = deps.strategy;
  let updater: Promise<UpdaterPort> | null = null;
  let downloaded: string | null = null;
  let lastAvailable: string | null = null;
  let asking = false;

  async function offerRestart(port: UpdaterPort, version: string): Promise<void> {
    if (asking) return;
    asking = true;
    try {
      if ((await deps.show(UPDATE_TEXT.readyToInstall(version))) === 0) deps.restartWith(() => port.quitAndInstall());
    } finally {
      asking = false;
    }
  }

  async function offerReleasePage(version: string): Promise<void> {
    if (asking) return;
    asking = true;
    try {
      if ((await deps.show(UPDATE_TEXT.available(version))) === 0) deps.openLink(releasePageUrl(version));
    } finally {
      asking = false;
    }
  }

  function setUp(port: UpdaterPort): UpdaterPort {
    port.logger = {
      info: (m) => log.info(`[updater] ${text(m)}`),
      warn: (m) => log.warn(`[updater] ${text(m)}`),
      error: (m) => log.error(`[updater] ${text(m)}`),
    };
    port.autoDownload = strategy === 'auto';
    port.autoInstallOnAppQuit = strategy === 'auto';
    port.on('update-downloaded', (info) => {
      downloaded = info.version;
      void offerRestart(port, info.version).catch((e: unknown) => log.error('Update prompt failed', e));
    });
    // Without an 'error' listener the updater's EventEmitter would throw; download failures arrive only here.
    port.on('error', (error) => {
      log.warn('Update failed', error);
      if (deps.platform === 'darwin' && strategy === 'auto' && isSignatureError(error)) {
        log.warn('This build cannot update itself (code signature); linking to the release page instead.');
        strategy = 'notify';
        port.autoDownload = false;
        port.autoInstallOnAppQuit = false;
        if (lastAvailable) void offerReleasePage(lastAvailable).catch(() => undefined);
      }
    });
    return port;
  }

  async function check(source: CheckSource): Promise<void> {
    const fromMenu = source === 'menu';
    if (strategy === 'off') {
      if (fromMenu) await deps.show(UPDATE_TEXT.unavailable());
      return;
    }
    let result: Awaited<ReturnType<UpdaterPort['checkForUpdates']>>;
    let port: UpdaterPort;
    try {
      updater ??= deps.loadUpdater().then(setUp);
      port = await updater;
      result = await port.checkForUpdates();
    } catch (e) {
      log.warn('Could not check for updates', e);
      if (fromMenu) await deps.show(UPDATE_TEXT.failed());
      return;
    }
    const version = result?.isUpdateAvailable ? result.updateInfo.version : null;
    if (!version) {
      if (fromMenu) await deps.show(UPDATE_TEXT.upToDate(deps.currentVersion));
      return;
    }
    lastAvailable = version;
    log.info(`Update available: ${version}`);
    if (strategy === 'notify') return offerReleasePage(version);
    if (downloaded === version) return offerRestart(port, version);
    if (fromMenu) await deps.show(UPDATE_TEXT.downloading(version));
  }

  return {
    async check(source) {
      try {
        await check(source);
      } catch (e) {
        log.error('The update check failed unexpectedly', e);
      }
    },
  };
}
