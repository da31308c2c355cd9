import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/contract';
import { PROJECT_REPO_PATH } from './security';

/**
 * The application menu with the usual shortcuts. App actions do not run here: each item sends a `menuCommand`
 * event and the UI does what its own button would do, so the two paths can never disagree.
 */

export interface MenuContext {
  isMac: boolean;
  /** Reload and developer tools only in development. */
  isDev: boolean;
  appName: string;
}

export interface MenuActions {
  command(command: MenuCommand): void;
  /** Opens an allow-listed link in the OS browser. */
  openExternal(url: string): void;
  /** "Check for Updates…" (app menu on macOS, Help elsewhere); the item exists only when given. */
  checkForUpdates?(): void;
  /** Help > "About Caption Studio" on Windows and Linux (macOS uses the native About panel). */
  showAbout?(): void;
}

export const HELP_LINKS: ReadonlyArray<{ label: string; url: string }> = [
  { label: 'Get a Gemini API Key', url: 'https://aistudio.google.com/apikey' },
  { label: 'Gemini API Documentation', url: 'https://ai.google.dev/gemini-api/docs' },
  { label: 'Replicate FLUX LoRA Trainer', url: 'https://replicate.com/ostris/flux-dev-lora-trainer/train' },
  { label: 'Report a Problem', url: `https://github.com${PROJECT_REPO_PATH}/issues` },
];

const SEP: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(ctx: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  // The id is the command, so end-to-end tests can click an item through Menu.getMenuItemById.
  const send = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id: command,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.command(command),
  });
  const settings = send(ctx.isMac ? 'Settings…' : 'Settings', 'settings', 'CmdOrCtrl+,');
  const { checkForUpdates, showAbout } = actions;
  const updates: MenuItemConstructorOptions[] = checkForUpdates
    ? [{ id: 'check-for-updates', label: 'Check for Updates…', click: () => checkForUpdates() }]
    : [];
  const about: MenuItemConstructorOptions[] =
    showAbout && !ctx.isMac ? [{ id: 'about', label: `About ${ctx.appName}`, click: () => showAbout() }] : [];

  const appMenu: MenuItemConstructorOptions = {
    label: ctx.appName,
    submenu: [
      { role: 'about' },
      ...updates,
      SEP,
      settings,
      SEP,
      { role: 'services' },
      SEP,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      SEP,
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      send('New Dataset…', 'new-dataset', 'CmdOrCtrl+N'),
      send('Open Folder…', 'open-folder', 'CmdOrCtrl+O'),
      SEP,
      send('Caption All…', 'caption-all'),
      send('Export…', 'export', 'CmdOrCtrl+E'),
      ...(ctx.isMac ? [SEP, { role: 'close' } as const] : [SEP, settings, SEP, { role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      SEP,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(ctx.isMac ? [{ role: 'pasteAndMatchStyle' } as const, { role: 'delete' } as const] : []),
      { role: 'selectAll' },
    ],
  };
  // Ctrl/Cmd+R belongs to the UI ("regenerate caption"), so the dev-only reload uses F5 instead.
  const developer: MenuItemConstructorOptions[] = ctx.isDev
    ? [{ role: 'reload', accelerator: 'F5' }, { role: 'toggleDevTools' }, SEP]
    : [];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...developer,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      SEP,
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      ...HELP_LINKS.map(({ label, url }) => ({ label, click: () => actions.openExternal(url) })),
      ...(ctx.isMac || (updates.length === 0 && about.length === 0) ? [] : [SEP, ...updates, ...about]),
    ],
  };

  return [...(ctx.isMac ? [appMenu] : []), file, edit, view, { role: 'windowMenu' }, help];
}

export function installMenu(ctx: MenuContext, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(ctx, actions)));
}
