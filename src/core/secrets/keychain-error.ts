import { AppError } from '../../shared/errors';

/**
 * The one error every keychain failure becomes. The library's own reason is kept for diagnosis (no D-Bus,
 * locked keyring...) but scrubbed of the secret first, so the key can never leak through an error message.
 */
export function keychainUnavailable(cause?: unknown, secret?: string): AppError {
  let reason = cause instanceof Error ? cause.message : cause === undefined ? '' : String(cause);
  if (secret) reason = reason.split(secret).join('[redacted]');
  reason = reason.split('\n')[0]?.trim().slice(0, 200) ?? '';
  return new AppError(
    'io',
    `The OS keychain is unavailable${reason ? ` (${reason})` : ''}. ` +
      'Unlock or install a keychain, or set the GEMINI_API_KEY environment variable instead.',
  );
}
