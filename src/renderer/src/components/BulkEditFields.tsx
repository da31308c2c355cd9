import { useId } from 'react';
import type { BulkForm } from '../lib/bulk-form';

interface Props {
  form: BulkForm;
  onChange: (form: BulkForm) => void;
  /** The pattern could not be compiled (shown under the field it came from). */
  error: string | null;
  /** "photo of TOK", for the "after the prefix" choice. */
  prefix: string;
}

/** The fields of the three caption edits: find and replace, add text, remove a phrase. */
export function BulkEditFields({ form, onChange, error, prefix }: Props) {
  const id = useId();
  const set = (patch: Partial<BulkForm>) => onChange({ ...form, ...patch });
  const errorId = `${id}-error`;
  const errorLine = error ? (
    <p id={errorId} className="field-error" role="alert">
      {error}
    </p>
  ) : null;
  const check = (key: 'regex' | 'wholeWord' | 'matchCase', label: string) => (
    <label className="check-label">
      <input type="checkbox" checked={form[key]} onChange={(e) => set({ [key]: e.target.checked })} />
      {label}
    </label>
  );

  if (form.action === 'replace') {
    return (
      <div className="bulk-fields">
        <label className="field">
          <span className="field-label">Find</span>
          <input
            className={`input ${error ? 'invalid' : ''}`}
            data-autofocus
            value={form.find}
            spellCheck={false}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            placeholder={form.regex ? 'a regular expression, e.g. (\\w+) wall' : 'text to find'}
            onChange={(e) => set({ find: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">Replace with</span>
          <input
            className="input"
            value={form.replace}
            spellCheck={false}
            placeholder={form.regex ? 'text; $1 is the first group' : 'nothing, to delete it'}
            onChange={(e) => set({ replace: e.target.value })}
          />
        </label>
        {errorLine}
        <div className="bulk-checks">
          {check('regex', 'Regular expression')}
          {check('wholeWord', 'Whole word')}
          {check('matchCase', 'Match case')}
        </div>
      </div>
    );
  }
  if (form.action === 'add') {
    return (
      <div className="bulk-fields">
        <label className="field">
          <span className="field-label">Text to add</span>
          <input
            className="input"
            data-autofocus
            value={form.addText}
            placeholder="e.g. soft daylight"
            onChange={(e) => set({ addText: e.target.value })}
          />
        </label>
        <fieldset className="bulk-checks">
          <legend className="sr-only">Where</legend>
          <label className="check-label">
            <input
              type="radio"
              name={`${id}-at`}
              checked={form.addAt === 'start'}
              onChange={() => set({ addAt: 'start' })}
            />
            Right after “{prefix}”
          </label>
          <label className="check-label">
            <input
              type="radio"
              name={`${id}-at`}
              checked={form.addAt === 'end'}
              onChange={() => set({ addAt: 'end' })}
            />
            At the end
          </label>
        </fieldset>
      </div>
    );
  }
  return (
    <div className="bulk-fields">
      <label className="field">
        <span className="field-label">Phrase to remove</span>
        <input
          className={`input ${error ? 'invalid' : ''}`}
          data-autofocus
          value={form.phrase}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          placeholder="e.g. in the background"
          onChange={(e) => set({ phrase: e.target.value })}
        />
      </label>
      {errorLine}
      <div className="bulk-checks">{check('matchCase', 'Match case')}</div>
      <p className="field-help">Whole words only; the commas and spaces it leaves behind are tidied.</p>
    </div>
  );
}
