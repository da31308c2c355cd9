/**
 * The one rule for the ids Caption Studio makes (datasets, images): letters, digits, `-` and `_`, at most 128
 * characters. They name folders and files on disk and travel in URLs and IPC, so nothing else (no `.`, `/` or
 * `..`) ever reaches a service. The contract's schemas, the media URL parser and the dataset store all use it.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/u;

export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id);
}
