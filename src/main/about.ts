import { type AboutPanelOptionsOptions, app, type BrowserWindow, dialog } from 'electron';
import { PROJECT_REPO_PATH } from './security';

/**
 * The About information: the app's version and the Electron/Chromium/Node it runs on, plus the project page.
 * macOS shows it in the native About panel (the app menu's "About" role); Windows and Linux get the same facts
 * in a dialog from Help > About Caption Studio, where a "Project Page" button stands in for a link.
 */

export const PROJECT_PAGE_URL = `https://github.com${PROJECT_REPO_PATH}`;

export interface AboutFacts {
  appName: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
}

export function aboutFacts(versions: NodeJS.ProcessVersions = process.versions): AboutFacts {
  return {
    appName: app.name,
    version: app.getVersion(),
    electron: versions.electron ?? 'unknown',
    chrome: versions.chrome ?? 'unknown',
    node: versions.node,
  };
}

export function aboutText(f: AboutFacts): { message: string; detail: string } {
  return {
    message: `${f.appName} ${f.version}`,
    detail: [`Electron ${f.electron}`, `Chromium ${f.chrome}`, `Node.js ${f.node}`, '', PROJECT_PAGE_URL].join('\n'),
  };
}

function aboutPanelOptions(f: AboutFacts): AboutPanelOptionsOptions {
  return {
    applicationName: f.appName,
    applicationVersion: f.version,
    version: `Electron ${f.electron}`,
    credits: `Chromium ${f.chrome} · Node.js ${f.node}\n${PROJECT_PAGE_URL}`,
    website: PROJECT_PAGE_URL,
  };
}

export function installAboutPanel(facts: AboutFacts = aboutFacts()): void {
  app.setAboutPanelOptions(aboutPanelOptions(facts));
}

export const ABOUT_BUTTONS = ['OK', 'Project Page'] as const;

export async function showAboutDialog(
  parent: BrowserWindow | null,
  openExternal: (url: string) => void,
  facts: AboutFacts = aboutFacts(),
): Promise<void> {
  const options = {
    type: 'info' as const,
    title: `About ${facts.appName}`,
    ...aboutText(facts),
    buttons: [...ABOUT_BUTTONS],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response === 1) openExternal(PROJECT_PAGE_URL);
}
