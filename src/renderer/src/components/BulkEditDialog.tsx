import { useDeferredValue, useMemo, useState } from 'react';
import { planBulkEdit } from '../../../shared/bulk-edit';
import { captionPrefix } from '../../../shared/caption';
import { applyBulkEdit } from '../actions/bulk';
import { keysFor } from '../actions/history';
import { setExcluded } from '../actions/images';
import { reveal } from '../actions/navigation';
import { BULK_ACTIONS, type BulkAction, EMPTY_BULK_FORM, editOf } from '../lib/bulk-form';
import { toUiError } from '../lib/errors';
import { plural } from '../lib/format';
import { providerName } from '../lib/model-text';
import { isRunActive, useRun } from '../stores/run';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { BulkEditFields } from './BulkEditFields';
import { BulkPreview } from './BulkPreview';
import { Dialog } from './Dialog';
import { Segmented } from './Segmented';

/**
 * Edits many captions at once: find and replace, add text, remove a phrase, exclude or include, regenerate. The
 * caption edits show every change before anything is saved (planBulkEdit, the same function main applies), and
 * are saved as one step that one Ctrl/Cmd+Z undoes. The images were fixed when the dialog opened (the selection,
 * or everything shown).
 */
export function BulkEditDialog({ imageIds, action, scope }: { imageIds: string[]; action: BulkAction; scope: string }) {
  const images = useWorkspace((s) => s.images);
  const index = useWorkspace((s) => s.index);
  const dataset = useWorkspace((s) => s.dataset);
  const running = useRun(isRunActive);
  const close = useUi((s) => s.close);
  const [form, setForm] = useState({ ...EMPTY_BULK_FORM, action });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const trigger = dataset?.trigger ?? '';

  const targets = useMemo(() => imageIds.flatMap((id) => images[index.get(id) ?? -1] ?? []), [imageIds, images, index]);
  // Typing stays instant at 5,000 captions: the preview follows a moment behind when it has to.
  const deferred = useDeferredValue(form);
  const edit = useMemo(() => editOf(deferred), [deferred]);
  const plan = useMemo(() => (edit ? planBulkEdit(targets, edit, trigger) : null), [edit, targets, trigger]);
  const excluded = targets.filter((img) => img.excluded).length;
  const n = targets.length;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
      close();
    } catch (e) {
      setFailure(toUiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const ids = targets.map((img) => img.id);
  const changes = plan?.ok ? plan.changes.length : 0;

  let footer: React.ReactNode;
  if (form.action === 'exclude') {
    footer = (
      <>
        <button
          type="button"
          className="btn"
          disabled={busy || excluded === 0}
          onClick={() => void run(() => setExcluded(ids, false))}
        >
          Include {plural(n, 'image')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || excluded === n}
          onClick={() => void run(() => setExcluded(ids, true))}
        >
          Exclude {plural(n, 'image')}
        </button>
      </>
    );
  } else if (form.action === 'regenerate') {
    footer = (
      <button
        type="button"
        className="btn btn-primary"
        disabled={running || n === 0}
        onClick={() => {
          // The Caption dialog takes over with these images selected: it shows the model, cost and time first.
          reveal(ids);
          useUi.getState().open({ type: 'caption', scope: 'selected' });
        }}
      >
        Regenerate {plural(n, 'caption')}…
      </button>
    );
  } else {
    footer = (
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy || edit === null || changes === 0 || deferred !== form}
        onClick={() => {
          const changed = plan?.ok ? plan.changes.map((c) => c.imageId) : [];
          if (edit) void run(() => applyBulkEdit(edit, changed));
        }}
      >
        {changes === 0 ? 'Apply' : `Apply to ${plural(changes, 'caption')}`}
      </button>
    );
  }

  return (
    <Dialog
      title="Edit captions in bulk"
      subtitle={scope}
      onClose={close}
      busy={busy}
      width={760}
      className="bulk-dialog"
      footer={
        <>
          <span className="footer-note">Saved as one step: {keysFor('undo')} undoes all of it.</span>
          <button type="button" className="btn" disabled={busy} onClick={close}>
            Cancel
          </button>
          {footer}
        </>
      }
    >
      <Segmented
        legend="Action"
        value={form.action}
        onPick={(a: BulkAction) => setForm({ ...form, action: a })}
        options={BULK_ACTIONS}
      />
      {failure ? (
        <p className="callout error" role="alert">
          {failure}
        </p>
      ) : null}
      {form.action === 'exclude' ? (
        <p className="muted">
          {plural(n - excluded, 'image')} {n - excluded === 1 ? 'is' : 'are'} in the export now,{' '}
          {excluded.toLocaleString('en-US')} excluded. Excluded images stay in the dataset with their captions; the
          export leaves them out.
        </p>
      ) : form.action === 'regenerate' ? (
        <p className="muted">
          Asks {dataset ? providerName(dataset.settings) : 'the model'} for new captions for these {plural(n, 'image')},
          replacing the ones they have (each stays in the image’s history). The next step shows the model, the cost and
          the time before anything is sent.
          {running ? ' A run is going: wait for it to finish.' : ''}
        </p>
      ) : (
        <>
          <BulkEditFields
            form={form}
            onChange={setForm}
            error={plan && !plan.ok ? plan.error : null}
            prefix={captionPrefix(trigger).trim()}
          />
          {plan?.ok ? <BulkPreview plan={plan} /> : null}
        </>
      )}
    </Dialog>
  );
}
