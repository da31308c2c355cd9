import { homedir } from 'node:os';

/**
 * The main process's logger. Everything goes to stderr through `redact` first: Google API keys (`AIza` + 35
 * characters), the value of GEMINI_API_KEY and the home directory never reach a log, whatever the error carried.
 */
export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

const GOOGLE_KEY = /AIza[0-9A-Za-z_-]{35}/g;

export function redact(text: string, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  let out = text.replace(GOOGLE_KEY, '[API key]');
  const envKey = env.GEMINI_API_KEY;
  if (envKey && envKey.length >= 4) out = out.replaceAll(envKey, '[API key]');
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
