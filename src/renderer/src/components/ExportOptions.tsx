import { useId, useState } from 'react';
import { type ExportChoice, KOHYA_REPEATS_LIMITS, PRESET_TARGETS, targetOf } from '../../../shared/export-presets';
import { rememberExportChoice, runExport } from '../actions/export';
import { choiceOf, choosePreset, type ExportForm, exportFormErrors, toExportForm } from '../lib/export-form';
import { exportButtonLabel, layoutPreview, previewNames } from '../lib/export-text';
import { plural } from '../lib/format';
import { useWorkspace } from '../stores/workspace';
import { Dialog } from './Dialog';
import { Icon } from './Icon';
import { ImageOptions } from './ImageOptions';
import { KohyaOptions } from './KohyaOptions';
import { PresetPicker } from './PresetPicker';
import { Segmented } from './Segmented';

const TARGET_LABELS = { zip: 'ZIP file', folder: 'Folder' } as const;

/**
 * The export's options: the trainer's layout, ZIP or folder as the preset allows, the image options, kohya's
 * folder name, and what will be written. Closing keeps the options for the next Export… of this dataset.
 */
export function ExportOptions({
  choice,
  note,
  onClose,
}: {
  choice: ExportChoice;
  note: string | null;
  onClose: () => void;
}) {
  const dataset = useWorkspace((s) => s.dataset);
  const first = useWorkspace((s) => s.images.find((i) => !i.excluded));
  const included = useWorkspace((s) => s.images.filter((i) => !i.excluded).length);
  const [form, setForm] = useState<ExportForm>(() => toExportForm(choice));
  const id = useId();
  if (!dataset) return null;

  const errors = exportFormErrors(form);
  const next = choiceOf(form, dataset.exportChoice);
  const update = (patch: Partial<ExportForm>) => setForm({ ...form, ...patch });
  const target = targetOf(form);
  const beside = form.preset === 'beside';
  const repeats = Number(form.repeatsText) || KOHYA_REPEATS_LIMITS.min;
  const names = first ? previewNames(first, beside) : { image: 'photo.jpg', caption: 'photo.txt' };
  const tree = layoutPreview(form.preset, names, { trigger: dataset.trigger, repeats, classWord: form.classWord });
  const close = () => {
    if (next && JSON.stringify(next) !== JSON.stringify(dataset.exportChoice)) void rememberExportChoice(next);
    onClose();
  };

  return (
    <Dialog
      title="Export"
      subtitle={`${plural(included, 'image')} with ${dataset.trigger} captions, arranged the way your trainer reads them.`}
      onClose={close}
      width={800}
      className="export-dialog"
      footer={
        <>
          {note ? <span className="footer-note">{note}</span> : null}
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            data-autofocus
            className="btn btn-primary"
            disabled={next === null}
            onClick={() => next && void runExport(next)}
          >
            <Icon name={beside ? 'pencil' : target === 'zip' ? 'archive' : 'folder'} size={15} />{' '}
            {exportButtonLabel(target)}
          </button>
        </>
      }
    >
      <div className="export-columns">
        <PresetPicker value={form.preset} onPick={(preset) => setForm(choosePreset(form, preset))} />
        <div className="export-settings">
          {beside ? (
            <div className="callout info">
              <Icon name="info" />
              <span>
                Your photos are not changed. Where a different caption file is already there, it is kept as{' '}
                <code>name.txt.bak</code> first; the list of files written is shown at the end.
              </span>
            </div>
          ) : (
            <div className="export-target">
              <span className="field-label">Write to</span>
              <Segmented
                legend="Write to"
                className="small"
                options={PRESET_TARGETS[form.preset].flatMap((t) =>
                  t === 'beside' ? [] : [{ value: t, label: TARGET_LABELS[t] }],
                )}
                value={form.target}
                onPick={(t) => update({ target: t })}
              />
            </div>
          )}
          {form.preset === 'kohya' ? <KohyaOptions form={form} errors={errors} onChange={update} /> : null}
          {beside ? null : <ImageOptions form={form} errors={errors} onChange={update} />}
          <figure className="field export-layout" aria-labelledby={`${id}-layout`}>
            <figcaption id={`${id}-layout`} className="field-label">
              What gets written
            </figcaption>
            <pre className="export-tree">{tree.join('\n')}</pre>
          </figure>
        </div>
      </div>
    </Dialog>
  );
}
