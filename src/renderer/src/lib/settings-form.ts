import type { SettingsPatch } from '../../../shared/contract';
import type { DatasetSettings, ProviderName } from '../../../shared/dataset';
import { withProvider } from '../../../shared/provider-settings';
import { isLocalServer, normaliseBaseUrl, presetFor, SERVER_PRESETS } from '../../../shared/servers';

/** The editable fields of the captioning settings, as typed (numbers stay strings until they are valid). */
export interface SettingsForm {
  provider: ProviderName;
  /** The OpenAI-compatible server's address as typed ('' for Gemini). */
  baseUrl: string;
  model: string;
  fallbackModels: string[];
  concurrency: string;
  rpm: string;
  /** No requests-per-minute limit (local servers): `rpm` keeps the last number for when the box is unticked. */
  noRpmLimit: boolean;
  downscale: string;
  prompt: string;
}

export const DOWNSCALE_CHOICES = [768, 1024, 1536, 2048];

/** What the RPM field shows when a setting without a limit gets one again. */
const RPM_WHEN_LIMITED = 60;

export function toForm(s: DatasetSettings): SettingsForm {
  return {
    provider: s.provider,
    baseUrl: s.baseUrl ?? '',
    model: s.model,
    fallbackModels: [...s.fallbackModels],
    concurrency: String(s.concurrency),
    rpm: String(s.rpm ?? RPM_WHEN_LIMITED),
    noRpmLimit: s.rpm === null,
    downscale: String(s.downscale),
    prompt: s.prompt,
  };
}

export type FormErrors = Partial<Record<keyof SettingsForm, string>>;

function intIn(text: string, min: number, max: number): number | null {
  if (!/^\d+$/u.test(text.trim())) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/** An http(s) address the contract's URL check accepts (the page's URL parser is the same WHATWG one). */
export function isServerUrl(text: string): boolean {
  const url = normaliseBaseUrl(text);
  return /^https?:\/\/[^\s/?#]+/iu.test(url) && URL.canParse(url) && url.length <= 2048;
}

/** Same limits as the contract's schema, checked as the user types so Save never fails on them. */
export function validateForm(f: SettingsForm): FormErrors {
  const errors: FormErrors = {};
  if (f.provider === 'openai' && !isServerUrl(f.baseUrl))
    errors.baseUrl = 'An address starting with http:// or https://, e.g. http://127.0.0.1:11434/v1.';
  if (intIn(f.concurrency, 1, 64) === null) errors.concurrency = 'A whole number from 1 to 64.';
  if (!f.noRpmLimit && intIn(f.rpm, 1, 100_000) === null) errors.rpm = 'A whole number from 1 to 100,000.';
  if (intIn(f.downscale, 256, 4096) === null) errors.downscale = 'A size from 256 to 4,096 px.';
  if (f.prompt.trim() === '') errors.prompt = 'The prompt cannot be empty.';
  if (f.model.trim() === '') errors.model = 'Choose a model.';
  return errors;
}

/** Every field as settings (only meaningful for a valid form). */
function formSettings(f: SettingsForm): DatasetSettings {
  return {
    provider: f.provider,
    baseUrl: f.provider === 'openai' ? normaliseBaseUrl(f.baseUrl) : null,
    model: f.model.trim(),
    fallbackModels: f.fallbackModels,
    concurrency: Number(f.concurrency),
    rpm: f.noRpmLimit ? null : Number(f.rpm),
    downscale: Number(f.downscale),
    prompt: f.prompt,
  };
}

/** Only what changed, so saving one field never overwrites another. */
export function diffForm(f: SettingsForm, base: DatasetSettings): SettingsPatch {
  const next = formSettings(f);
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(next) as Array<keyof DatasetSettings>) {
    if (JSON.stringify(next[k]) !== JSON.stringify(base[k])) patch[k] = next[k];
  }
  return patch as SettingsPatch;
}

/** Every field, for "Use as default for new datasets". */
export const formToPatch = (f: SettingsForm): SettingsPatch => formSettings(f);

/**
 * The form after switching who captions (withProvider's rule: Gemini gets its default chain; a local server two
 * requests at a time and no rate limit; a remote one a conservative limit), keeping the prompt and image size.
 * A server starts on Ollama's address, the most common local one, and with no model: its list says what it has.
 */
export function chooseProvider(f: SettingsForm, provider: ProviderName): SettingsForm {
  if (provider === f.provider) return f;
  const url = provider === 'openai' ? (SERVER_PRESETS[0]?.baseUrl ?? '') : null;
  const next = toForm(withProvider(formSettings(f), provider, url));
  return { ...next, model: provider === 'openai' ? '' : next.model, prompt: f.prompt, downscale: f.downscale };
}

/**
 * The form after the server's address changed from `f.baseUrl` to `url` (a preset picked, or the field left after
 * editing). A preset, or an address that moves between this computer and the network, gets that kind of server's
 * limits (withProvider); an edit within the same kind keeps the limits the user set. The model stays: the server's
 * list says whether it is there.
 */
export function setServerUrl(f: SettingsForm, url: string): SettingsForm {
  const preset = presetFor(url) !== null && presetFor(url) !== presetFor(f.baseUrl);
  const flips = isLocalServer(url) !== isLocalServer(f.baseUrl);
  if (!(preset || flips) || !isServerUrl(url)) return { ...f, baseUrl: url };
  const limits = withProvider({ ...formSettings(f), baseUrl: null }, 'openai', url);
  return {
    ...f,
    baseUrl: url,
    fallbackModels: limits.fallbackModels,
    concurrency: String(limits.concurrency),
    noRpmLimit: limits.rpm === null,
    rpm: limits.rpm === null ? f.rpm : String(limits.rpm),
  };
}
