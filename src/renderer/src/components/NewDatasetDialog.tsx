import { useId, useState } from 'react';
import { triggerError } from '../../../shared/caption';
import { createDataset } from '../actions/importing';
import { chooseSources, offerPaths } from '../actions/sources';
import { suggestedName } from '../lib/path-text';
import { useImporting } from '../stores/importing';
import { useUi } from '../stores/ui';
import { Dialog } from './Dialog';
import { Icon } from './Icon';
import { ImportProgressLine } from './ImportProgressLine';
import { SourceList } from './SourceList';
import { TriggerField } from './TriggerField';

/** New dataset: the trigger word (validated as typed), an optional name, and the folder or photos to import. */
export function NewDatasetDialog({ paths }: { paths: string[] }) {
  const [trigger, setTrigger] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const importing = useImporting((s) => s.progress);
  const close = useUi((s) => s.close);
  const nameId = useId();
  const valid = triggerError(trigger) === null && paths.length > 0;

  const choose = async (kind: 'folder' | 'files') => {
    const chosen = await chooseSources(kind);
    if (chosen) offerPaths(chosen);
  };

  const create = async () => {
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    const err = await createDataset({ trigger, name: name.trim() || suggestedName(paths), paths });
    setBusy(false);
    if (err) setError(err.message);
  };

  const setPaths = (next: string[]) => useUi.getState().open({ type: 'new-dataset', paths: next });

  return (
    <Dialog
      title="New dataset"
      subtitle="Captions will be written as “photo of TRIGGER description”, the format LoRA trainers expect."
      onClose={close}
      busy={busy}
      width={580}
      footer={
        busy ? (
          <ImportProgressLine progress={importing} />
        ) : (
          <>
            {error ? (
              <span className="footer-note error-text" role="alert">
                {error}
              </span>
            ) : (
              <span className="footer-note">
                {paths.length === 0 ? 'Add a folder or photos to continue.' : 'Your photos are never moved or changed.'}
              </span>
            )}
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" disabled={!valid} onClick={() => void create()}>
              Create and import
            </button>
          </>
        )
      }
    >
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <TriggerField value={trigger} onChange={setTrigger} />
        <div className="field">
          <label className="field-label" htmlFor={nameId}>
            Name <span className="faint">(optional)</span>
          </label>
          <input
            id={nameId}
            className="input"
            value={name}
            maxLength={200}
            placeholder={suggestedName(paths) || 'My dataset'}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <span className="field-label">Photos</span>
          {paths.length > 0 ? (
            <SourceList paths={paths} onRemove={(p) => setPaths(paths.filter((x) => x !== p))} disabled={busy} />
          ) : null}
          <div className="source-drop">
            <Icon name="upload" size={20} />
            <span>
              Drop a folder or photos anywhere on this window, or
              <span className="source-buttons">
                <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void choose('folder')}>
                  <Icon name="folder" size={14} /> Choose folder…
                </button>
                <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void choose('files')}>
                  <Icon name="image" size={14} /> Choose files…
                </button>
              </span>
            </span>
          </div>
        </div>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </form>
    </Dialog>
  );
}
