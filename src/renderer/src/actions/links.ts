import { api, unwrap } from '../api';
import { toUiError } from '../lib/errors';
import { toast } from '../stores/toasts';

/**
 * Opens a page in the user's browser: the one place the page asks main for it. Main opens only the allow-listed
 * hosts and pages (src/main/security.ts); anything else comes back refused and is said in a toast.
 */
export async function openInBrowser(url: string): Promise<void> {
  try {
    await unwrap(api.openExternal(url));
  } catch (e) {
    toast('error', `Could not open the page: ${toUiError(e).message}`);
  }
}
