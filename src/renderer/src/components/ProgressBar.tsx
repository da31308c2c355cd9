/** A determinate bar (value 0..1), or an indeterminate one while the total is unknown. */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const pct = value === null ? 0 : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div
      className={`progress ${value === null ? 'indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      {...(value === null ? {} : { 'aria-valuenow': pct })}
    >
      <span style={value === null ? undefined : { width: `${pct}%` }} />
    </div>
  );
}
