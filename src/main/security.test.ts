import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  app,
  FakeWebContents,
  fakeSession,
  resetElectronMock,
  session,
  shell,
} from '../../tests/support/electron/electron-mock';
import { silentLog } from '../../tests/support/electron/support';
import {
  appUrlPredicate,
  hardenWebContents,
  installSecurity,
  isAllowedExternalUrl,
  isPermissionAllowed,
  PROJECT_REPO_PATH,
} from './security';

beforeEach(() => resetElectronMock());

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://aistudio.google.com/apikey',
    'https://ai.google.dev/gemini-api/docs',
    'https://replicate.com/ostris/flux-dev-lora-trainer/train',
    // Settings' "Get a token", a trained model's page, and where credit is added.
    'https://replicate.com/account/api-tokens',
    'https://replicate.com/alice/ide-main-hall-lora',
    'https://replicate.com/account/billing',
    `https://github.com${PROJECT_REPO_PATH}`,
    `https://github.com${PROJECT_REPO_PATH}/issues`,
    'https://openrouter.ai/settings/keys',
    'https://platform.openai.com/api-keys',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://aistudio.google.com/apikey', // not https
    'https://github.com/someone/else',
    `https://github.com${PROJECT_REPO_PATH}-evil/issues`,
    'https://aistudio.google.com.evil.example/',
    'https://evil.example/?u=https://ai.google.dev',
    'https://user:pass@replicate.com/',
    'https://replicate.com:8443/',
    'https://openrouter.ai/chat',
    'https://platform.openai.com/settings/organization/billing',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'caption-studio://app/index.html',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('appUrlPredicate', () => {
  it('accepts only the app host of our scheme when packaged', () => {
    const isApp = appUrlPredicate(null);
    expect(isApp('caption-studio://app/index.html')).toBe(true);
    expect(isApp('caption-studio://app/assets/index.js')).toBe(true);
    expect(isApp('caption-studio://media/thumb/a/b')).toBe(false);
    expect(isApp('caption-studio://user@app/index.html')).toBe(false);
    expect(isApp('http://localhost:5173/')).toBe(false);
    expect(isApp('file:///index.html')).toBe(false);
    expect(isApp('garbage')).toBe(false);
  });

  it('adds exactly the dev server origin in development', () => {
    const isApp = appUrlPredicate('http://localhost:5173');
    expect(isApp('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isApp('http://localhost:5174/')).toBe(false);
    expect(isApp('https://localhost:5173/')).toBe(false);
    expect(isApp('caption-studio://app/index.html')).toBe(true);
  });
});

describe('hardenWebContents', () => {
  const isApp = appUrlPredicate(null);
  const harden = () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents, isApp, silentLog());
    return contents;
  };
  const navigate = (contents: FakeWebContents, event: string, url: string) => {
    const e = { url, preventDefault: vi.fn() };
    contents.emit(event, e, url);
    return e.preventDefault.mock.calls.length > 0;
  };

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: stays inside the app', (event) => {
    const contents = harden();
    expect(navigate(contents, event, 'caption-studio://app/index.html')).toBe(false);
    expect(navigate(contents, event, 'https://ai.google.dev/')).toBe(true);
    expect(navigate(contents, event, 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, event, 'caption-studio://media/thumb/a/b')).toBe(true);
  });

  it('denies every new window and opens only allow-listed links in the OS browser', () => {
    const contents = harden();
    const open = contents.windowOpenHandler;
    expect(open).toBeTypeOf('function');
    expect(open?.({ url: 'https://aistudio.google.com/apikey' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://aistudio.google.com/apikey');
    expect(open?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'caption-studio://app/index.html' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses to attach a <webview>', () => {
    const contents = harden();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('isPermissionAllowed', () => {
  const isApp = appUrlPredicate(null);
  const page = 'caption-studio://app/index.html';

  it('lets our own page write text to the clipboard (the Copy buttons)', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', { url: page, isMainFrame: true }, isApp)).toBe(true);
    expect(
      isPermissionAllowed('clipboard-sanitized-write', { url: 'caption-studio://app', isMainFrame: true }, isApp),
    ).toBe(true);
  });

  it.each([
    ['clipboard-read', page, true],
    ['notifications', page, true],
    ['clipboard-sanitized-write', page, false],
    ['clipboard-sanitized-write', 'caption-studio://media/x', true],
    ['clipboard-sanitized-write', 'https://evil.example/', true],
    ['clipboard-sanitized-write', undefined, true],
  ] as const)('refuses %s from %s (main frame: %s)', (permission, url, isMainFrame) => {
    expect(isPermissionAllowed(permission, { url, isMainFrame }, isApp)).toBe(false);
  });
});

describe('installSecurity', () => {
  it('denies every permission request and check but our page’s clipboard writes, in every session', () => {
    installSecurity(appUrlPredicate(null), silentLog());
    const expectDenied = (s: typeof session.defaultSession) => {
      const request = s.setPermissionRequestHandler.mock.calls[0]?.[0] as (
        wc: unknown,
        permission: string,
        callback: (granted: boolean) => void,
        details?: unknown,
      ) => void;
      for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
        const callback = vi.fn();
        request({}, permission, callback);
        expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      }
      const write = vi.fn();
      request({}, 'clipboard-sanitized-write', write, { requestingUrl: 'caption-studio://app/', isMainFrame: true });
      expect(write).toHaveBeenCalledExactlyOnceWith(true);
      const check = s.setPermissionCheckHandler.mock.calls[0]?.[0] as (...a: unknown[]) => boolean;
      expect(check({}, 'media', 'caption-studio://app', {})).toBe(false);
      expect(check({}, 'clipboard-sanitized-write', 'caption-studio://app', { isMainFrame: true })).toBe(true);
      expect(check({}, 'clipboard-sanitized-write', 'https://evil.example', { isMainFrame: true })).toBe(false);
      const device = s.setDevicePermissionHandler.mock.calls[0]?.[0] as (...a: unknown[]) => boolean;
      expect(device({})).toBe(false);
    };
    expectDenied(session.defaultSession);

    const later = fakeSession();
    app.emit('session-created', later);
    expectDenied(later);
  });

  it('hardens every web contents created later', () => {
    installSecurity(appUrlPredicate(null), silentLog());
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    const e = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-navigate', e, e.url);
    expect(e.preventDefault).toHaveBeenCalled();
  });
});
