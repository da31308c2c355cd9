import type { ExportForm, ExportFormErrors } from '../lib/export-form';
import { TextField } from './TextField';

/** kohya's folder name carries two settings of its own: how often each image is repeated, and the class word. */
export function KohyaOptions(p: {
  form: ExportForm;
  errors: ExportFormErrors;
  onChange: (next: Partial<ExportForm>) => void;
}) {
  return (
    <div className="settings-grid">
      <TextField
        label="Repeats"
        help="Times each image is seen per epoch (10 suits 20-40 photos)."
        value={p.form.repeatsText}
        error={p.errors.repeats}
        input={{ inputMode: 'numeric' }}
        onChange={(repeatsText) => p.onChange({ repeatsText })}
      />
      <TextField
        label="Class word"
        help="What the subject is: building, person, dog…"
        value={p.form.classWord}
        error={p.errors.classWord}
        input={{ spellCheck: false }}
        onChange={(classWord) => p.onChange({ classWord })}
      />
    </div>
  );
}
