import { useId } from 'react';
import type { ExportForm, ExportFormErrors } from '../lib/export-form';

/**
 * The options every preset that writes images has: scale large images down, and remove location data (on by
 * default: phones record where each photo was taken, and a dataset is often shared).
 */
export function ImageOptions(p: {
  form: ExportForm;
  errors: ExportFormErrors;
  onChange: (next: Partial<ExportForm>) => void;
}) {
  const id = useId();
  const { form } = p;
  return (
    <fieldset className="export-option-group">
      <legend className="field-label">Images</legend>
      <div className="export-option">
        <label className="check-label">
          <input type="checkbox" checked={form.resize} onChange={(e) => p.onChange({ resize: e.target.checked })} />
          Scale large images down
        </label>
        <div className="number-row export-resize">
          <label htmlFor={`${id}-size`} className="muted small">
            Long side at most
          </label>
          <input
            id={`${id}-size`}
            className={`input ${p.errors.resize ? 'invalid' : ''}`}
            inputMode="numeric"
            value={form.resizeText}
            disabled={!form.resize}
            aria-invalid={p.errors.resize !== undefined}
            aria-describedby={`${id}-size-help`}
            onChange={(e) => p.onChange({ resizeText: e.target.value })}
          />
          <span className="muted small">px</span>
        </div>
        <span id={`${id}-size-help`} className={p.errors.resize ? 'field-error' : 'field-help'}>
          {p.errors.resize ?? 'Only bigger images are scaled (never up), with a high-quality filter, upright, in sRGB.'}
        </span>
      </div>
      <div className="export-option">
        <label className="check-label">
          <input
            type="checkbox"
            checked={form.removeLocation}
            aria-describedby={`${id}-gps-help`}
            onChange={(e) => p.onChange({ removeLocation: e.target.checked })}
          />
          Remove location data (GPS)
        </label>
        <span id={`${id}-gps-help`} className="field-help">
          {form.removeLocation
            ? 'Phones record where each photo was taken. The GPS tags are removed; the pixels and every other detail stay exactly as they are.'
            : 'Exported images keep the GPS tags that say where they were taken: anyone you share the dataset with can see the place.'}
        </span>
      </div>
    </fieldset>
  );
}
