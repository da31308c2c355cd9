/**
 * OpenAI-compatible servers Caption Studio knows by address: a preset fills in the base URL (and sensible limits:
 * a local server runs one model on one GPU, so it gets little concurrency and no rate limit).
 */
export interface ServerPreset {
  id: 'ollama' | 'lm-studio' | 'llama-cpp' | 'vllm' | 'openrouter' | 'openai';
  label: string;
  baseUrl: string;
  /** On this computer: free, no key, one request or two at a time. */
  local: boolean;
  /** Where to get a key, for the remote ones. */
  keyUrl: string | null;
}

export const SERVER_PRESETS: readonly ServerPreset[] = [
  { id: 'ollama', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', local: true, keyUrl: null },
  { id: 'lm-studio', label: 'LM Studio', baseUrl: 'http://127.0.0.1:1234/v1', local: true, keyUrl: null },
  { id: 'llama-cpp', label: 'llama.cpp server', baseUrl: 'http://127.0.0.1:8080/v1', local: true, keyUrl: null },
  { id: 'vllm', label: 'vLLM', baseUrl: 'http://127.0.0.1:8000/v1', local: true, keyUrl: null },
  {
    ...{ id: 'openrouter', label: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1', local: false },
    keyUrl: 'https://openrouter.ai/settings/keys',
  },
  {
    ...{ id: 'openai', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', local: false },
    keyUrl: 'https://platform.openai.com/api-keys',
  },
];

/** The base URL as stored and compared: no trailing slash. */
export function normaliseBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/u, '');
}

export function presetFor(baseUrl: string): ServerPreset | null {
  const wanted = normaliseBaseUrl(baseUrl);
  return SERVER_PRESETS.find((p) => p.baseUrl === wanted) ?? null;
}

/** `host:port` of an http(s) URL (shared code has no URL class: it also runs in the sandboxed preload). */
function hostOf(baseUrl: string): string | null {
  return /^https?:\/\/(?:[^@/]*@)?([^/?#]+)/iu.exec(baseUrl.trim())?.[1]?.toLowerCase() ?? null;
}

/** A server on this computer (loopback): captioning there is free and needs no key. */
export function isLocalServer(baseUrl: string): boolean {
  const host = hostOf(baseUrl)?.replace(/:\d+$/u, '');
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/u.test(host ?? '');
}

/** How messages name a server: its preset's name, or "the server at host:port". */
export function serverName(baseUrl: string): string {
  const preset = presetFor(baseUrl);
  if (preset) return preset.local ? `${preset.label} (${hostOf(baseUrl)})` : preset.label;
  return `the server at ${hostOf(baseUrl) ?? baseUrl}`;
}

/** The keychain account of a server's API key: one per base URL, so each server keeps its own. */
export function serverKeyAccount(baseUrl: string): string {
  return `openai-compatible ${normaliseBaseUrl(baseUrl)}`;
}
