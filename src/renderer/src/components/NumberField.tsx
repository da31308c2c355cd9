/** A whole-number field validated as typed (the value stays a string until it is valid). */
export function NumberField(p: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  onChange: (v: string) => void;
}) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={p.id}>
        {p.label}
      </label>
      <input
        id={p.id}
        className={`input ${p.error ? 'invalid' : ''}`}
        inputMode="numeric"
        value={p.value}
        aria-invalid={p.error !== undefined}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {p.error ? <span className="field-error">{p.error}</span> : null}
    </div>
  );
}
