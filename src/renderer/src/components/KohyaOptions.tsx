import { useId } from 'react';
import type { ExportForm, ExportFormErrors } from '../lib/export-form';

/** kohya's folder name carries two settings of its own: how often each image is repeated, and the class word. */
export function KohyaOptions(p: {
  form: ExportForm;
  errors: ExportFormErrors;
  onChange: (next: Partial<ExportForm>) => void;
}) {
  const id = useId();
  const field = (key: 'repeatsText' | 'classWord', error: string | undefined, label: string, help: string) => (
    <div className="field">
      <label className="field-label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        className={`input ${error ? 'invalid' : ''}`}
        {...(key === 'repeatsText' ? { inputMode: 'numeric' as const } : { spellCheck: false })}
        value={p.form[key]}
        aria-invalid={error !== undefined}
        aria-describedby={`${id}-${key}-help`}
        onChange={(e) => p.onChange({ [key]: e.target.value })}
      />
      <span id={`${id}-${key}-help`} className={error ? 'field-error' : 'field-help'}>
        {error ?? help}
      </span>
    </div>
  );
  return (
    <div className="settings-grid">
      {field('repeatsText', p.errors.repeats, 'Repeats', 'Times each image is seen per epoch (10 suits 20-40 photos).')}
      {field('classWord', p.errors.classWord, 'Class word', 'What the subject is: building, person, dog…')}
    </div>
  );
}
