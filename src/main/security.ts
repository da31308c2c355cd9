import { app, type Session, session, shell, type WebContents } from 'electron';
import type { Logger } from '../core/ports';
import { APP_HOST, APP_SCHEME } from '../shared/app-urls';

/**
 * The app's whole security policy in one place (Electron's checklist items 5, 7, 11-15): pure URL predicates,
 * unit-tested, plus `installSecurity`, which hooks them into every session and every web contents, including
 * any created later. The window's own webPreferences live in window.ts.
 */

/** Placeholder until the project's public repository exists: only its own pages may be opened. */
export const PROJECT_REPO_PATH = '/captionstudio/caption-studio';

/** Hosts the UI may send the user to (in the OS browser), each with the paths allowed there. */
const EXTERNAL_ALLOW_LIST: Readonly<Record<string, (path: string) => boolean>> = {
  'aistudio.google.com': () => true,
  'ai.google.dev': () => true,
  'replicate.com': () => true,
  // Where the Settings screen sends users for an OpenAI-compatible service's key: only the key pages.
  'openrouter.ai': (path) => path === '/settings/keys',
  'platform.openai.com': (path) => path === '/api-keys',
  'github.com': (path) => path === PROJECT_REPO_PATH || path.startsWith(`${PROJECT_REPO_PATH}/`),
};

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** https, no credentials, no odd port, an allow-listed host and path. */
export function isAllowedExternalUrl(url: string): boolean {
  const u = parse(url);
  if (u?.protocol !== 'https:' || u.username || u.password || u.port) return false;
  const allowed = Object.hasOwn(EXTERNAL_ALLOW_LIST, u.hostname) ? EXTERNAL_ALLOW_LIST[u.hostname] : undefined;
  return allowed ? allowed(u.pathname) : false;
}

export type UrlPredicate = (url: string) => boolean;

/**
 * The app's own pages: our scheme's app host, or (in development only) the electron-vite dev server's origin.
 * Media URLs are not app pages; nothing served there may navigate or call IPC.
 */
export function appUrlPredicate(devServerUrl?: string | null): UrlPredicate {
  const devOrigin = devServerUrl ? parse(devServerUrl)?.origin : undefined;
  return (url) => {
    const u = parse(url);
    if (!u) return false;
    if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST && !u.username && !u.password;
    return devOrigin !== undefined && devOrigin !== 'null' && u.origin === devOrigin;
  };
}

/**
 * The one permission the page has: writing text to the clipboard (the Copy buttons beside a training's weights
 * URL), asked by our own page's main frame. Reading the clipboard and everything else stay denied.
 */
export function isPermissionAllowed(
  permission: string,
  frame: { url: string | undefined; isMainFrame: boolean | undefined },
  isAppUrl: UrlPredicate,
): boolean {
  return (
    permission === 'clipboard-sanitized-write' &&
    frame.isMainFrame === true &&
    frame.url !== undefined &&
    isAppUrl(frame.url)
  );
}

function limitPermissions(target: Session, isAppUrl: UrlPredicate, log: Logger): void {
  target.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const frame = { url: details?.requestingUrl, isMainFrame: details?.isMainFrame };
    const granted = isPermissionAllowed(permission, frame, isAppUrl);
    if (!granted) log.warn(`Permission request denied: ${permission}`);
    callback(granted);
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(
      permission,
      { url: details?.requestingUrl ?? requestingOrigin, isMainFrame: details?.isMainFrame },
      isAppUrl,
    ),
  );
  target.setDevicePermissionHandler(() => false);
}

/** Navigation only within the app; new windows never, allow-listed links in the OS browser instead. */
export function hardenWebContents(contents: WebContents, isAppUrl: UrlPredicate, log: Logger): void {
  const guard = (event: { preventDefault(): void; url: string }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn(`Navigation blocked: ${event.url}`);
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('A <webview> was refused.');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      shell.openExternal(url).catch((e: unknown) => log.error('Could not open a link in the browser', e));
    } else {
      log.warn(`New window refused: ${url}`);
    }
    return { action: 'deny' };
  });
}

/** Call once app is ready, before the first window: hooks the default session and everything created later. */
export function installSecurity(isAppUrl: UrlPredicate, log: Logger): void {
  limitPermissions(session.defaultSession, isAppUrl, log);
  app.on('session-created', (created) => limitPermissions(created, isAppUrl, log));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl, log));
}
