import { _electron, type ElectronApplication, expect, type Page } from '@playwright/test';
import { REPO } from './electron-binary';

/**
 * One run of the real app under Playwright: the built app launched in Electron with the given environment, its
 * first window, and the two ways the tests drive it besides the page itself (the application menu, as the user
 * clicks it, and the preload bridge, as the page calls it).
 */
export interface AppSession {
  app: ElectronApplication;
  page: Page;
  /** Clicks an application-menu item (its id is the menu command). */
  clickMenu(command: string): Promise<void>;
  /** Evaluates a script in the page, typically a `window.captionStudio` call. */
  bridge<T>(script: string): Promise<T>;
}

/** The test process's environment without unset variables (Playwright's launch option takes strings only). */
function definedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
}

export async function launchApp(executablePath: string, env: Record<string, string>): Promise<AppSession> {
  const app = await _electron.launch({
    executablePath,
    // Chromium refuses to start as root (CI containers) without this.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), REPO],
    env: { ...definedEnv(), ...env },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    async clickMenu(command) {
      const clicked = await app.evaluate(({ Menu }, id) => {
        const item = Menu.getApplicationMenu()?.getMenuItemById(id);
        item?.click();
        return item !== null && item !== undefined;
      }, command);
      expect(clicked, `menu item ${command}`).toBe(true);
    },
    bridge: <T>(script: string) => page.evaluate(script) as Promise<T>,
  };
}
