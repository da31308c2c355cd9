import { type InputHTMLAttributes, useId } from 'react';

/** A labelled one-line field whose help line turns into the error while the value is wrong (read out with it). */
export function TextField(p: {
  label: string;
  value: string;
  help: string;
  error?: string | undefined;
  disabled?: boolean;
  mono?: boolean;
  /** How the field takes input: a number keypad, or no spell-check for names. */
  input?: Pick<InputHTMLAttributes<HTMLInputElement>, 'inputMode' | 'spellCheck' | 'autoComplete'>;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {p.label}
      </label>
      <input
        id={id}
        className={`input ${p.mono ? 'mono' : ''} ${p.error ? 'invalid' : ''}`}
        {...p.input}
        value={p.value}
        disabled={p.disabled}
        aria-invalid={p.error !== undefined}
        aria-describedby={`${id}-help`}
        onChange={(e) => p.onChange(e.target.value)}
      />
      <span id={`${id}-help`} className={p.error ? 'field-error' : 'field-help'}>
        {p.error ?? p.help}
      </span>
    </div>
  );
}
