import { EXPORT_PRESETS, type ExportPresetId } from '../../../shared/export-presets';
import { PRESET_INFO } from '../lib/export-text';

/** Which trainer the export is for: one radio card per preset, with what it writes. */
export function PresetPicker({ value, onPick }: { value: ExportPresetId; onPick: (p: ExportPresetId) => void }) {
  return (
    <fieldset className="scope-options preset-options">
      <legend className="field-label">For which trainer</legend>
      {EXPORT_PRESETS.map((preset) => {
        const info = PRESET_INFO[preset];
        const checked = preset === value;
        return (
          <label key={preset} className={`scope-option ${checked ? 'checked' : ''}`}>
            <input type="radio" name="preset" value={preset} checked={checked} onChange={() => onPick(preset)} />
            <span className="scope-text">
              <span className="scope-title">{info.label}</span>
              <span className="muted">{info.summary}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
