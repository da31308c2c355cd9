import type { DesktopShell, Dialogs } from '../core/ports';
import { AppError } from '../shared/errors';

/**
 * The preview's stand-ins for the desktop hand-offs. Native dialogs never get here (the page's HTTP bridge asks
 * for a path in-page instead), so reaching them is a bug worth a clear error. The shell only logs: the preview
 * is a development tool, and a browser tab opening files or URLs on the machine would surprise.
 */
export function previewDialogs(): Dialogs {
  const unavailable = async (): Promise<never> => {
    throw new AppError('validation', 'Native dialogs are not available in the preview; type the path instead.');
  };
  return { chooseFolder: unavailable, chooseFiles: unavailable, chooseSavePath: unavailable };
}

export function previewShell(log: (line: string) => void): DesktopShell {
  return {
    showInFolder: async (path) => log(`[preview] show in folder: ${path}`),
    openPath: async (path) => log(`[preview] open: ${path}`),
    openExternal: async (url) => log(`[preview] open in browser: ${url}`),
  };
}
