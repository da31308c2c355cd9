import type { ReactNode } from 'react';

/** A whole-number field validated as typed (the value stays a string until it is valid). */
export function NumberField(p: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  disabled?: boolean;
  /** Beside the field (a "No limit" box). */
  after?: ReactNode;
  onChange: (v: string) => void;
}) {
  const input = (
    <input
      id={p.id}
      className={`input ${p.error ? 'invalid' : ''}`}
      inputMode="numeric"
      value={p.value}
      disabled={p.disabled}
      aria-invalid={p.error !== undefined}
      onChange={(e) => p.onChange(e.target.value)}
    />
  );
  return (
    <div className="field">
      <label className="field-label" htmlFor={p.id}>
        {p.label}
      </label>
      {p.after ? (
        <div className="number-row">
          {input}
          {p.after}
        </div>
      ) : (
        input
      )}
      {p.error ? <span className="field-error">{p.error}</span> : null}
    </div>
  );
}
