import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Menu, resetElectronMock } from '../../tests/support/electron/electron-mock';
import { buildMenuTemplate, HELP_LINKS, installMenu } from './menu';
import { isAllowedExternalUrl } from './security';

beforeEach(() => resetElectronMock());

type Item = MenuItemConstructorOptions;

function flatten(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(isMac: boolean, isDev: boolean) {
  const actions = { command: vi.fn(), openExternal: vi.fn() };
  const template = buildMenuTemplate({ isMac, isDev, appName: 'Caption Studio' }, actions);
  const all = flatten(template);
  const byLabel = (label: string) => all.find((i) => i.label === label);
  const click = (item: Item | undefined) => (item?.click as unknown as (() => void) | undefined)?.();
  return { template, all, byLabel, click, actions };
}

describe('the application menu', () => {
  it('sends the menu commands with the usual shortcuts', () => {
    const { byLabel, click, actions } = build(false, false);
    const expected: Array<[string, string, string | undefined]> = [
      ['New Dataset…', 'new-dataset', 'CmdOrCtrl+N'],
      ['Open Folder…', 'open-folder', 'CmdOrCtrl+O'],
      ['Export…', 'export', 'CmdOrCtrl+E'],
      ['Settings', 'settings', 'CmdOrCtrl+,'],
      ['Caption All…', 'caption-all', undefined],
    ];
    for (const [label, command, accelerator] of expected) {
      const item = byLabel(label);
      expect(item?.accelerator).toBe(accelerator);
      click(item);
      expect(actions.command).toHaveBeenLastCalledWith(command);
    }
  });

  it('gives each command item its command as a unique id (end-to-end tests click items by id)', () => {
    for (const isMac of [true, false]) {
      const ids = build(isMac, false)
        .all.map((i) => i.id)
        .filter(Boolean);
      expect(ids.sort()).toEqual(['caption-all', 'export', 'new-dataset', 'open-folder', 'settings']);
    }
  });

  it('has the standard edit roles', () => {
    const { all } = build(false, false);
    const roles = all.map((i) => i.role).filter(Boolean);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) expect(roles).toContain(role);
  });

  it('offers reload and developer tools only in development, and never takes Ctrl/Cmd+R from the UI', () => {
    const prod = build(false, false).all.map((i) => i.role);
    expect(prod).not.toContain('reload');
    expect(prod).not.toContain('toggleDevTools');
    expect(prod).toContain('togglefullscreen');
    expect(prod).toContain('zoomIn');
    const dev = build(false, true).all;
    expect(dev.find((i) => i.role === 'reload')?.accelerator).toBe('F5');
    expect(dev.map((i) => i.role)).toContain('toggleDevTools');
    expect(dev.map((i) => i.accelerator)).not.toContain('CmdOrCtrl+R');
  });

  it('has an app menu (with Settings) only on macOS', () => {
    const mac = build(true, false);
    expect(mac.template[0]?.label).toBe('Caption Studio');
    expect(mac.all.filter((i) => i.label === 'Settings…')).toHaveLength(1);
    expect(mac.all.map((i) => i.role)).toContain('close');
    const other = build(false, false);
    expect(other.template.map((i) => i.label)).not.toContain('Caption Studio');
    expect(other.all.map((i) => i.role)).toContain('quit');
  });

  it('opens help links through the allow-list only', () => {
    const { byLabel, click, actions } = build(false, false);
    for (const { label, url } of HELP_LINKS) {
      expect(isAllowedExternalUrl(url)).toBe(true);
      click(byLabel(label));
      expect(actions.openExternal).toHaveBeenLastCalledWith(url);
    }
  });

  it('installs itself as the application menu', () => {
    installMenu({ isMac: false, isDev: false, appName: 'Caption Studio' }, { command: vi.fn(), openExternal: vi.fn() });
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });
});
