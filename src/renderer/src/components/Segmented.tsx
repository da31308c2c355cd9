/** A few mutually exclusive choices as a segmented control (toggle buttons in a labelled group). */
export function Segmented<T extends string>(p: {
  /** The group's name for screen readers. */
  legend: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T;
  onPick: (value: T) => void;
  className?: string;
}) {
  return (
    <fieldset className={`segmented ${p.className ?? ''}`}>
      <legend className="sr-only">{p.legend}</legend>
      {p.options.map((o) => (
        <button
          key={o.value}
          type="button"
          className={`segment ${p.value === o.value ? 'active' : ''}`}
          aria-pressed={p.value === o.value}
          onClick={() => p.onPick(o.value)}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}
