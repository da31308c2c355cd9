import { homedir } from 'node:os';
import type { Logger } from './ports';

/**
 * The logger every door uses (the `Logger` port). Every line goes through `redact` before it is written anywhere
 * (stderr, the app's log file): Google API keys (`AIza` + 35 characters), the values of GEMINI_API_KEY /
 * GOOGLE_API_KEY, keys carried in URLs (`?key=…`) and the home directory never reach a log, whatever the error
 * carried.
 */

const GOOGLE_KEY = /AIza[0-9A-Za-z_-]{35}/g;
/** Credentials in query strings (`?key=…`, `&access_token=…`) and the Gemini REST header, whatever the value. */
const URL_SECRET = /([?&](?:key|api_key|apikey|access_token|token)=)[^&#\s"'<>]+/gi;
const KEY_HEADER = /(x-goog-api-key["']?\s*[:=]\s*["']?)[^\s"',}]+/gi;
const KEY_ENV_VARS = ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] as const;

export function redact(text: string, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  let out = text.replace(GOOGLE_KEY, '[API key]');
  for (const name of KEY_ENV_VARS) {
    const envKey = env[name];
    if (envKey && envKey.length >= 4) out = out.replaceAll(envKey, '[API key]');
  }
  out = out.replace(URL_SECRET, '$1[redacted]').replace(KEY_HEADER, '$1[redacted]');
  if (home.length > 1) out = out.replaceAll(home, '~');
  return out;
}

function formatDetail(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return ` ${detail.stack ?? `${detail.name}: ${detail.message}`}`;
  if (typeof detail === 'string') return ` ${detail}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

export function createLogger(
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  env: NodeJS.ProcessEnv = process.env,
): Logger {
  const line = (level: string, message: string, detail: unknown) =>
    write(redact(`[caption-studio] ${level} ${message}${formatDetail(detail)}`, env));
  return {
    info: (m, d) => line('info', m, d),
    warn: (m, d) => line('warn', m, d),
    error: (m, d) => line('error', m, d),
  };
}
