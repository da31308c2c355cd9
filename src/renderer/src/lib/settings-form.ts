import type { SettingsPatch } from '../../../shared/contract';
import type { DatasetSettings } from '../../../shared/dataset';
import { GEMINI_MODELS } from '../../../shared/models';

/** The editable fields of the captioning settings, as typed (numbers stay strings until they are valid). */
export interface SettingsForm {
  model: string;
  concurrency: string;
  rpm: string;
  downscale: string;
  prompt: string;
}

export const DOWNSCALE_CHOICES = [768, 1024, 1536, 2048];

export function toForm(s: DatasetSettings): SettingsForm {
  return {
    model: s.model,
    concurrency: String(s.concurrency),
    rpm: String(s.rpm),
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

/** Same limits as the contract's schema, checked as the user types so Save never fails on them. */
export function validateForm(f: SettingsForm): FormErrors {
  const errors: FormErrors = {};
  if (intIn(f.concurrency, 1, 64) === null) errors.concurrency = 'A whole number from 1 to 64.';
  if (intIn(f.rpm, 1, 100_000) === null) errors.rpm = 'A whole number from 1 to 100,000.';
  if (intIn(f.downscale, 256, 4096) === null) errors.downscale = 'A size from 256 to 4,096 px.';
  if (f.prompt.trim() === '') errors.prompt = 'The prompt cannot be empty.';
  if (f.model.trim() === '') errors.model = 'Choose a model.';
  return errors;
}

/** Only what changed, so saving one field never overwrites another. */
export function diffForm(f: SettingsForm, base: DatasetSettings): SettingsPatch {
  const patch: SettingsPatch = {};
  if (f.model !== base.model) patch.model = f.model;
  if (Number(f.concurrency) !== base.concurrency) patch.concurrency = Number(f.concurrency);
  if (Number(f.rpm) !== base.rpm) patch.rpm = Number(f.rpm);
  if (Number(f.downscale) !== base.downscale) patch.downscale = Number(f.downscale);
  if (f.prompt !== base.prompt) patch.prompt = f.prompt;
  return patch;
}

/** Every field, for "Use as default for new datasets". */
export function formToPatch(f: SettingsForm): SettingsPatch {
  return {
    model: f.model,
    concurrency: Number(f.concurrency),
    rpm: Number(f.rpm),
    downscale: Number(f.downscale),
    prompt: f.prompt,
  };
}

/** The model list, with the current id added when it is one we do not know (typed by a power user). */
export function modelChoices(current: string): Array<{ id: string; label: string }> {
  const known = GEMINI_MODELS.map((m) => ({ id: m.id, label: m.label }));
  return known.some((m) => m.id === current) || current === '' ? known : [...known, { id: current, label: current }];
}
