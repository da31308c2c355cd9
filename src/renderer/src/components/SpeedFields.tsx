import { useId } from 'react';
import type { FormErrors, SettingsForm } from '../lib/settings-form';
import { Icon } from './Icon';
import { NumberField } from './NumberField';

/** What suits each kind of captioner: Gemini's free tier, a model on this computer, an online service. */
function advice(form: SettingsForm, local: boolean): string {
  if (form.provider === 'gemini')
    return 'Free tier: keep RPM at 10 or below; paid tier 1 allows about 1,000. Too high a rate only causes retries.';
  if (local)
    return 'A server on this computer runs one model at a time: 1 or 2 parallel requests and no rate limit suit it; more only wait in its queue.';
  return 'Use the rate limit of your plan with this service. Too high a rate only causes retries.';
}

/** Parallel requests and requests per minute (or no limit, for local servers). */
export function SpeedFields(p: {
  form: SettingsForm;
  errors: FormErrors;
  local: boolean;
  onChange: (form: SettingsForm) => void;
}) {
  const { form } = p;
  const id = useId();
  return (
    <>
      <NumberField
        id={`${id}-conc`}
        label="Parallel requests"
        value={form.concurrency}
        error={p.errors.concurrency}
        onChange={(concurrency) => p.onChange({ ...form, concurrency })}
      />
      <NumberField
        id={`${id}-rpm`}
        label="Requests per minute"
        value={form.noRpmLimit ? '' : form.rpm}
        error={form.noRpmLimit ? undefined : p.errors.rpm}
        disabled={form.noRpmLimit}
        onChange={(rpm) => p.onChange({ ...form, rpm })}
        after={
          <label className="check-label">
            <input
              type="checkbox"
              checked={form.noRpmLimit}
              onChange={(e) => p.onChange({ ...form, noRpmLimit: e.target.checked })}
            />
            No limit
          </label>
        }
      />
      <div className="callout info span-2">
        <Icon name="info" />
        <span>{advice(form, p.local)}</span>
      </div>
    </>
  );
}
