/**
 * Messages shown inside Settings. The main process words key errors for wherever they surface, so they often end
 * with "Check the key in Settings." — useless (and odd) when the user is already there. Here a rejected key gets
 * the next step that helps in Settings, and any other pointer to Settings is dropped or reworded.
 */

const NEXT_STEP = 'Check that you copied all of it, or create a new key at AI Studio.';

/** "Gemini rejected the API key: it is not valid." and "Gemini refused the API key (403 …)." */
const REJECTED = /^Gemini (?:rejected|refused) the API key\b(?:: it is not valid)?(?: \(([^)]*)\))?\./u;

/** A whole sentence that only sends the user to Settings ("Check the key in Settings."). */
const GO_TO_SETTINGS = /^(?:Check|Open|Go to|See)\b[^.]*\bSettings\b[^.]*\.$/u;

export function inSettings(message: string): string {
  const rejected = REJECTED.exec(message);
  if (rejected) {
    const code = rejected[1] ? ` (${rejected[1]})` : '';
    return `Google rejected this key${code}. ${NEXT_STEP}`;
  }
  const sentences = message
    .split(/(?<=\.)\s+/u)
    .filter((s) => !GO_TO_SETTINGS.test(s.trim()))
    .map((s) => s.replace(/ in Settings\b/gu, ''));
  const text = sentences.join(' ').trim();
  return text === '' ? message : text;
}
