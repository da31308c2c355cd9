import type { Envelope } from '../../../shared/contract';
import type { ErrorKind } from '../../../shared/errors';
import { createHttpBridge } from './http-bridge';
import type { RendererApi } from './types';

export type { RendererApi } from './types';

const TOKEN_KEY = 'caption-studio-preview-token';

/**
 * The preview's token: from `?token=` on first load (then kept in sessionStorage so reloads work, and taken out
 * of the address bar so it does not end up in screenshots or shared links), else from sessionStorage.
 */
function previewToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Electron's preload bridge when present; otherwise the browser preview's HTTP bridge to the same services. */
export const api: RendererApi = window.captionStudio ?? createHttpBridge(window.location.origin, previewToken());

/** A failed call as the UI catches it: the envelope's kind (what to do next), plain message and details. */
class UiError extends Error {
  override name = 'UiError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The call's value, or a thrown UiError, so the UI can use try/catch: `await unwrap(api.openDataset(id))`. */
export async function unwrap<T>(call: Promise<Envelope<T>>): Promise<T> {
  const envelope = await call;
  if (envelope.ok) return envelope.value;
  throw new UiError(envelope.error.kind, envelope.error.message, envelope.error.details);
}
