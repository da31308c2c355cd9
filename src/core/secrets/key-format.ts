/**
 * Showing and sanity-checking an API key without revealing it. Gemini keys are 39 printable ASCII characters
 * starting with `AIza`; the checks stay looser than that so a new key format is not rejected outright.
 */

const MIN_LENGTH = 20;
const MAX_LENGTH = 256;
/** Below this length, showing 8 characters would reveal too much of the key. */
const MIN_LENGTH_TO_PEEK = 16;

/** `AIza…X9f2`: first 4 and last 4 characters; short keys are fully masked. */
export function maskKey(key: string): string {
  if (key.length === 0) return '';
  if (key.length < MIN_LENGTH_TO_PEEK) return '••••';
  return `${key.slice(0, 4)}…${key.slice(-4)}`;
}

/** A plain error message for obviously malformed input, or null when it is plausible. Never quotes the key. */
export function looksLikeApiKey(key: string): string | null {
  if (key.length === 0) return 'The API key is empty.';
  if (/\s/.test(key)) return 'The API key contains spaces or line breaks: paste only the key itself.';
  if (!/^[\x21-\x7e]+$/.test(key)) return 'The API key contains characters an API key never has.';
  if (key.length < MIN_LENGTH) return 'The API key is too short: Gemini keys are about 39 characters long.';
  if (key.length > MAX_LENGTH) return 'The API key is too long: paste only the key itself.';
  return null;
}
