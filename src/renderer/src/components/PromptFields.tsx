import { useId } from 'react';
import type { DatasetSettings } from '../../../shared/dataset';
import { DOWNSCALE_CHOICES, type FormErrors, type SettingsForm } from '../lib/settings-form';
import { useSettings } from '../stores/settings';

/** The size of the copy sent to the model, and the prompt (with "Reset to default"). */
export function PromptFields(p: {
  form: SettingsForm;
  errors: FormErrors;
  /** The saved settings: a size set elsewhere (the CLI) stays among the choices. */
  saved: DatasetSettings;
  onChange: (form: SettingsForm) => void;
}) {
  const { form, errors } = p;
  const factory = useSettings((s) => s.factory);
  const id = useId();
  const set = (k: 'downscale' | 'prompt') => (v: string) => p.onChange({ ...form, [k]: v });
  return (
    <>
      <div className="field span-2">
        <label className="field-label" htmlFor={`${id}-size`}>
          Size sent to the model
        </label>
        <select
          id={`${id}-size`}
          className="select"
          value={form.downscale}
          onChange={(e) => set('downscale')(e.target.value)}
        >
          {[...new Set([...DOWNSCALE_CHOICES, Number(p.saved.downscale)])]
            .sort((a, b) => a - b)
            .map((n) => (
              <option key={n} value={String(n)}>
                {n.toLocaleString('en-US')} px long side{n === 1536 ? ' (recommended)' : ''}
              </option>
            ))}
        </select>
        <span className="field-help">A smaller copy is sent; your originals are exported unchanged.</span>
      </div>
      <div className="field span-2">
        <div className="label-row">
          <label className="field-label" htmlFor={`${id}-prompt`}>
            Prompt
          </label>
          {factory && form.prompt !== factory.prompt ? (
            <button type="button" className="link small" onClick={() => set('prompt')(factory.prompt)}>
              Reset to default
            </button>
          ) : null}
        </div>
        <textarea
          id={`${id}-prompt`}
          className={`textarea prompt-input ${errors.prompt ? 'invalid' : ''}`}
          rows={6}
          value={form.prompt}
          onChange={(e) => set('prompt')(e.target.value)}
        />
        <span className={errors.prompt ? 'field-error' : 'field-help'}>
          {errors.prompt ?? (
            <>
              <code>{'{trigger}'}</code> is replaced by the dataset’s trigger word. Every caption starts with “photo of
              TRIGGER” whatever the prompt says.
            </>
          )}
        </span>
      </div>
    </>
  );
}
