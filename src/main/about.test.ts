import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, dialog, resetElectronMock } from '../../tests/support/electron/electron-mock';
import { ABOUT_BUTTONS, aboutFacts, aboutText, installAboutPanel, PROJECT_PAGE_URL, showAboutDialog } from './about';
import { buildMenuTemplate } from './menu';
import { isAllowedExternalUrl } from './security';

beforeEach(() => resetElectronMock());

const versions = { ...process.versions, electron: '45.4.1', chrome: '142.0.1.2', node: '24.1.0' };

describe('About', () => {
  it('shows the app version, Electron, Chromium and Node versions and the project page', () => {
    const facts = aboutFacts(versions);
    expect(facts).toEqual({
      appName: 'Caption Studio',
      version: '0.0.0-test',
      electron: '45.4.1',
      chrome: '142.0.1.2',
      node: '24.1.0',
    });
    const { message, detail } = aboutText(facts);
    expect(message).toBe('Caption Studio 0.0.0-test');
    for (const part of ['Electron 45.4.1', 'Chromium 142.0.1.2', 'Node.js 24.1.0', PROJECT_PAGE_URL])
      expect(detail).toContain(part);
    expect(isAllowedExternalUrl(PROJECT_PAGE_URL)).toBe(true);
  });

  it('fills the native About panel', () => {
    installAboutPanel(aboutFacts(versions));
    expect(app.setAboutPanelOptions).toHaveBeenCalledWith(
      expect.objectContaining({
        applicationVersion: '0.0.0-test',
        version: 'Electron 45.4.1',
        website: PROJECT_PAGE_URL,
      }),
    );
  });

  it('shows a dialog whose "Project Page" button opens the project page', async () => {
    const open = vi.fn();
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    await showAboutDialog(null, open, aboutFacts(versions));
    expect(open).not.toHaveBeenCalled();
    expect(dialog.showMessageBox.mock.calls[0]?.[0]).toMatchObject({
      message: 'Caption Studio 0.0.0-test',
      buttons: [...ABOUT_BUTTONS],
    });
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    await showAboutDialog(null, open, aboutFacts(versions));
    expect(open).toHaveBeenCalledWith(PROJECT_PAGE_URL);
  });
});

type Item = MenuItemConstructorOptions;
const flatten = (items: Item[]): Item[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

describe('the About and update menu items', () => {
  function build(isMac: boolean) {
    const actions = { command: vi.fn(), openExternal: vi.fn(), checkForUpdates: vi.fn(), showAbout: vi.fn() };
    const template = buildMenuTemplate({ isMac, isDev: false, appName: 'Caption Studio' }, actions);
    return { template, all: flatten(template), actions };
  }
  const click = (item: Item | undefined) => (item?.click as unknown as (() => void) | undefined)?.();

  it('Windows and Linux: Help has "Check for Updates…" and "About Caption Studio"', () => {
    const { template, all, actions } = build(false);
    const help = template.find((m) => m.role === 'help');
    const labels = ((help?.submenu ?? []) as Item[]).map((i) => i.label);
    expect(labels).toContain('Check for Updates…');
    expect(labels).toContain('About Caption Studio');
    click(all.find((i) => i.id === 'check-for-updates'));
    expect(actions.checkForUpdates).toHaveBeenCalledOnce();
    click(all.find((i) => i.id === 'about'));
    expect(actions.showAbout).toHaveBeenCalledOnce();
  });

  it('macOS: the app menu has the native About and "Check for Updates…"', () => {
    const { template, all } = build(true);
    const appMenu = template[0]?.submenu as Item[];
    expect(appMenu[0]?.role).toBe('about');
    expect(appMenu[1]?.label).toBe('Check for Updates…');
    expect(all.filter((i) => i.id === 'check-for-updates')).toHaveLength(1);
    expect(all.find((i) => i.id === 'about')).toBeUndefined();
  });
});
