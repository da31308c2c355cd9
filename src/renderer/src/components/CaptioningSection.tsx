import { useEffect, useId, useState } from 'react';
import type { DatasetSettings } from '../../../shared/dataset';
import { saveDatasetSettings, saveDefaults } from '../actions/settings';
import { toUiError } from '../lib/errors';
import { DOWNSCALE_CHOICES, diffForm, formToPatch, modelChoices, toForm, validateForm } from '../lib/settings-form';
import { useSettings } from '../stores/settings';
import { toast } from '../stores/toasts';
import { useWorkspace } from '../stores/workspace';
import { Icon } from './Icon';
import { NumberField } from './NumberField';

type Scope = 'dataset' | 'defaults';

/**
 * Model, speed, image size and prompt. With a dataset open they apply to that dataset (its next run), and can
 * be made the default for new datasets; on the start screen they are the defaults.
 */
export function CaptioningSection() {
  const dataset = useWorkspace((s) => s.dataset);
  const defaults = useSettings((s) => s.defaults);
  const factory = useSettings((s) => s.factory);
  const [scope, setScope] = useState<Scope>(dataset ? 'dataset' : 'defaults');
  const base: DatasetSettings | null = scope === 'dataset' && dataset ? dataset.settings : defaults;
  const [form, setForm] = useState(() => (base ? toForm(base) : null));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  // A different scope (or the settings arriving) starts the form over from what is saved there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the source of truth changes.
  useEffect(() => setForm(base ? toForm(base) : null), [scope, base === null]);

  if (!form || !base) return <p className="muted">Loading settings…</p>;
  const errors = validateForm(form);
  const patch = diffForm(form, base);
  const dirty = Object.keys(patch).length > 0;
  const valid = Object.keys(errors).length === 0;
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });

  const save = async (asDefault: boolean) => {
    setSaving(true);
    setError(null);
    try {
      if (asDefault) {
        await saveDefaults(formToPatch(form));
        toast('success', 'These settings will be used for new datasets.');
      }
      if (dirty) {
        const saved = scope === 'dataset' ? await saveDatasetSettings(patch) : await saveDefaults(patch);
        setForm(toForm(saved));
        if (!asDefault)
          toast('success', scope === 'dataset' ? 'Saved for this dataset.' : 'Saved as defaults for new datasets.');
      }
    } catch (e) {
      setError(toUiError(e).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <div className="settings-section-head">
        <h3 id={`${id}-title`}>Captioning</h3>
        {dataset ? (
          <fieldset className="segmented small">
            <legend className="sr-only">Settings for</legend>
            <button
              type="button"
              className={`segment ${scope === 'dataset' ? 'active' : ''}`}
              aria-pressed={scope === 'dataset'}
              onClick={() => setScope('dataset')}
            >
              This dataset
            </button>
            <button
              type="button"
              className={`segment ${scope === 'defaults' ? 'active' : ''}`}
              aria-pressed={scope === 'defaults'}
              onClick={() => setScope('defaults')}
            >
              New datasets
            </button>
          </fieldset>
        ) : null}
      </div>
      <p className="field-help">
        {scope === 'dataset' && dataset
          ? `Used by the next run of “${dataset.name}”.`
          : 'Defaults for datasets you create from now on.'}
      </p>

      <div className="settings-grid">
        <div className="field span-2">
          <label className="field-label" htmlFor={`${id}-model`}>
            Model
          </label>
          <select
            id={`${id}-model`}
            className="select"
            value={form.model}
            onChange={(e) => set('model')(e.target.value)}
          >
            {modelChoices(form.model).map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        <NumberField
          id={`${id}-conc`}
          label="Parallel requests"
          value={form.concurrency}
          error={errors.concurrency}
          onChange={set('concurrency')}
        />
        <NumberField
          id={`${id}-rpm`}
          label="Requests per minute"
          value={form.rpm}
          error={errors.rpm}
          onChange={set('rpm')}
        />
        <div className="callout info span-2">
          <Icon name="info" />
          <span>
            Free tier: keep RPM at 10 or below; paid tier 1 allows about 1,000. Too high a rate only causes retries.
          </span>
        </div>
        <div className="field span-2">
          <label className="field-label" htmlFor={`${id}-size`}>
            Size sent to Gemini
          </label>
          <select
            id={`${id}-size`}
            className="select"
            value={form.downscale}
            onChange={(e) => set('downscale')(e.target.value)}
          >
            {[...new Set([...DOWNSCALE_CHOICES, Number(base.downscale)])]
              .sort((a, b) => a - b)
              .map((n) => (
                <option key={n} value={String(n)}>
                  {n.toLocaleString('en-US')} px long side{n === 1536 ? ' (recommended)' : ''}
                </option>
              ))}
          </select>
          <span className="field-help">A smaller copy is uploaded; your originals are exported unchanged.</span>
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
                <code>{'{trigger}'}</code> is replaced by the dataset’s trigger word. Every caption starts with “photo
                of TRIGGER” whatever the prompt says.
              </>
            )}
          </span>
        </div>
      </div>

      <div className="settings-actions">
        {error ? (
          <span className="error-text" role="alert">
            {error}
          </span>
        ) : null}
        <div className="spacer" />
        {scope === 'dataset' && dataset ? (
          <button type="button" className="btn" disabled={!valid || saving} onClick={() => void save(true)}>
            Use as default for new datasets
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn-primary"
          disabled={!dirty || !valid || saving}
          onClick={() => void save(false)}
        >
          {saving ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </section>
  );
}
