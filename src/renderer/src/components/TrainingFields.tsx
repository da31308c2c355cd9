import type { TrainingPlan } from '../../../shared/training';
import { paramsForm, type TrainingForm, type TrainingFormErrors } from '../lib/training-form';
import { TextField } from './TextField';

type Key = keyof Omit<TrainingForm, 'resize'>;

/**
 * The Train dialog's fields: the destination model (created as a private model when it does not exist), and
 * the trainer's three main settings with its own defaults a click away.
 */
export function TrainingFields(p: {
  plan: TrainingPlan;
  form: TrainingForm;
  errors: TrainingFormErrors;
  disabled: boolean;
  onChange: (next: Partial<TrainingForm>) => void;
}) {
  const { form, errors, plan } = p;
  const defaults = paramsForm(plan.defaults);
  const changed = (['steps', 'loraRank', 'learningRate'] as const).some((k) => form[k].trim() !== defaults[k]);
  const field = (key: Key, label: string, help: string, mono = false) => (
    <TextField
      label={label}
      help={help}
      mono={mono}
      value={form[key]}
      error={errors[key]}
      disabled={p.disabled}
      input={key === 'destination' ? { spellCheck: false, autoComplete: 'off' } : { inputMode: 'decimal' }}
      onChange={(value) => p.onChange({ [key]: value })}
    />
  );
  const { limits } = plan;
  return (
    <>
      {field(
        'destination',
        'Destination model',
        `owner/name on Replicate. If it does not exist yet, it is created as a private model of ${plan.account}.`,
        true,
      )}
      <div className="training-params">
        {field(
          'steps',
          'Steps',
          `${limits.steps.min}-${limits.steps.max}; the trainer’s default is ${defaults.steps}.`,
        )}
        {field('loraRank', 'LoRA rank', `${limits.loraRank.min}-${limits.loraRank.max}; default ${defaults.loraRank}.`)}
        {field('learningRate', 'Learning rate', `Default ${defaults.learningRate}.`)}
      </div>
      {changed ? (
        <button
          type="button"
          className="link align-start small"
          disabled={p.disabled}
          onClick={() => p.onChange(defaults)}
        >
          Use the trainer’s defaults
        </button>
      ) : null}
    </>
  );
}
