import { useId } from 'react';
import { captionPrefix, TRIGGER_RULE, triggerError } from '../../../shared/caption';

/**
 * The trigger word, validated as it is typed. Until the user types, the rule is shown as help rather than as an
 * error; the example caption shows exactly what every caption will start with.
 */
export function TriggerField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const id = useId();
  const helpId = useId();
  const error = value === '' ? null : triggerError(value);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Trigger word
      </label>
      <input
        id={id}
        data-autofocus
        className={`input mono trigger-input ${error ? 'invalid' : ''}`}
        value={value}
        maxLength={50}
        spellCheck={false}
        autoComplete="off"
        placeholder="e.g. ohwx_mydog"
        aria-invalid={error !== null}
        aria-describedby={helpId}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={helpId} className={error ? 'field-error' : 'field-help'}>
        {error ?? `A word that does not appear in ordinary text: ${TRIGGER_RULE}.`}
      </span>
      <p className="caption-example">
        <span className="faint">Captions will read</span>{' '}
        <span className="mono">
          {captionPrefix(value && !error ? value : 'TRIGGER').trim()} <span className="faint">a description…</span>
        </span>
      </p>
    </div>
  );
}
