import { RESIZE_LIMITS } from '../../../shared/export-presets';
import {
  DESTINATION_PATTERN,
  type TRAINING_LIMITS,
  type TrainingParams,
  type TrainingPlan,
  type TrainingRequest,
} from '../../../shared/training';

/** The Train dialog's fields as typed; `resize` appears only once the ZIP was found too big to upload. */
export interface TrainingForm {
  destination: string;
  steps: string;
  loraRank: string;
  learningRate: string;
  resize: string | null;
}

type Field = 'destination' | 'steps' | 'loraRank' | 'learningRate' | 'resize';
export type TrainingFormErrors = Partial<Record<Field, string>>;
type Limits = typeof TRAINING_LIMITS;

export function toTrainingForm(plan: Pick<TrainingPlan, 'defaults' | 'suggestedDestination'>): TrainingForm {
  return { destination: plan.suggestedDestination, ...paramsForm(plan.defaults), resize: null };
}

/** The trainer's defaults back in the fields ("Use the trainer's defaults"). */
export function paramsForm(p: TrainingParams): Pick<TrainingForm, 'steps' | 'loraRank' | 'learningRate'> {
  return { steps: String(p.steps), loraRank: String(p.loraRank), learningRate: String(p.learningRate) };
}

function integer(text: string, range: { min: number; max: number }): number | null {
  if (!/^\d+$/u.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= range.min && n <= range.max ? n : null;
}

/** Learning rates are typed as 0.0004 or 4e-4. */
function decimal(text: string, range: { min: number; max: number }): number | null {
  const t = text.trim();
  if (!/^(\d+\.?\d*|\.\d+)(e-?\d+)?$/iu.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= range.min && n <= range.max ? n : null;
}

export function trainingFormErrors(form: TrainingForm, limits: Limits): TrainingFormErrors {
  const errors: TrainingFormErrors = {};
  if (!DESTINATION_PATTERN.test(form.destination.trim())) {
    errors.destination = 'owner/name: your Replicate user name, a slash, then lowercase letters, digits, - _ or .';
  }
  const { steps, loraRank, learningRate } = limits;
  if (integer(form.steps, steps) === null) errors.steps = `A whole number from ${steps.min} to ${steps.max}.`;
  if (integer(form.loraRank, loraRank) === null) errors.loraRank = `From ${loraRank.min} to ${loraRank.max}.`;
  if (decimal(form.learningRate, learningRate) === null) {
    errors.learningRate = `From ${learningRate.min} to ${learningRate.max}, e.g. 0.0004.`;
  }
  if (form.resize !== null && integer(form.resize, RESIZE_LIMITS) === null) {
    errors.resize = `A long side from ${RESIZE_LIMITS.min} to ${RESIZE_LIMITS.max} px.`;
  }
  return errors;
}

/** The steps as typed, when valid (the estimate follows them). */
export function stepsOf(form: TrainingForm, limits: Limits): number | null {
  return integer(form.steps, limits.steps);
}

/** What Train sends, or null while a field is invalid. A new training always: the dialog offers no resume. */
export function requestOf(form: TrainingForm, limits: Limits): TrainingRequest | null {
  if (Object.keys(trainingFormErrors(form, limits)).length > 0) return null;
  const n = (text: string) => Number(text.trim());
  return {
    ...{ destination: form.destination.trim(), steps: n(form.steps), loraRank: n(form.loraRank) },
    ...{ learningRate: n(form.learningRate), resizeLongSide: form.resize === null ? null : n(form.resize) },
    startNew: true,
  };
}

/** `startTraining`'s refusal of a ZIP over Replicate's upload limit (`details.tooBig`); anything else is null. */
export function tooBigFrom(details: unknown): { bytes: number; limit: number; suggested: number } | null {
  const tooBig = (details as { tooBig?: unknown } | null | undefined)?.tooBig;
  if (typeof tooBig !== 'object' || tooBig === null) return null;
  const o = tooBig as Record<string, unknown>;
  const { bytes, limit, suggestedResizeLongSide: suggested } = o;
  if (typeof bytes !== 'number' || typeof limit !== 'number' || typeof suggested !== 'number') return null;
  return { bytes, limit, suggested };
}
