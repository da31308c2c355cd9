import { useState } from 'react';
import type { SettingsPatch } from '../../../shared/contract';
import type { DatasetSettings } from '../../../shared/dataset';
import { saveDatasetSettings, saveDefaults } from '../actions/settings';
import { toUiError } from '../lib/errors';
import { formToPatch, type SettingsForm } from '../lib/settings-form';
import { toast } from '../stores/toasts';

/**
 * Settings' sticky footer: Save (only what changed, to the open dataset or to the defaults) and, with a dataset
 * open, "Use as default for new datasets" (every field). A refusal is shown beside the buttons.
 */
export function SettingsSaveBar(p: {
  scope: 'dataset' | 'defaults';
  datasetOpen: boolean;
  form: SettingsForm;
  patch: SettingsPatch;
  valid: boolean;
  onSaved: (settings: DatasetSettings) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = Object.keys(p.patch).length > 0;
  const toDataset = p.scope === 'dataset' && p.datasetOpen;

  const save = async (asDefault: boolean) => {
    setSaving(true);
    setError(null);
    try {
      if (asDefault) {
        await saveDefaults(formToPatch(p.form));
        toast('success', 'These settings will be used for new datasets.');
      }
      if (dirty) {
        p.onSaved(toDataset ? await saveDatasetSettings(p.patch) : await saveDefaults(p.patch));
        if (!asDefault) toast('success', toDataset ? 'Saved for this dataset.' : 'Saved as defaults for new datasets.');
      }
    } catch (e) {
      setError(toUiError(e).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="settings-actions">
      {error ? (
        <span className="error-text" role="alert">
          {error}
        </span>
      ) : null}
      <div className="spacer" />
      {toDataset ? (
        <button type="button" className="btn" disabled={!p.valid || saving} onClick={() => void save(true)}>
          Use as default for new datasets
        </button>
      ) : null}
      <button
        type="button"
        className="btn btn-primary"
        disabled={!dirty || !p.valid || saving}
        onClick={() => void save(false)}
      >
        {saving ? 'Saving…' : 'Save changes'}
      </button>
    </div>
  );
}
