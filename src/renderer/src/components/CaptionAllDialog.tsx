import { useEffect, useMemo, useState } from 'react';
import type { RunEstimate } from '../../../shared/contract';
import { estimateRun, startRun } from '../actions/run';
import { loadSettings } from '../actions/settings';
import { toUiError } from '../lib/errors';
import { plural } from '../lib/format';
import { capitalised, providerName } from '../lib/model-text';
import { type RunScope, requestFor, runTargets } from '../lib/run-targets';
import { useSettings } from '../stores/settings';
import { openKeySettings, useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { BatchOption } from './BatchOption';
import { Dialog } from './Dialog';
import { Icon } from './Icon';
import { RunPlan } from './RunPlan';
import { ScopeOption } from './ScopeOption';

/** Confirms a run before any money is spent: which images, which model, what it should cost and take. */
export function CaptionAllDialog({ initialScope }: { initialScope: RunScope }) {
  const images = useWorkspace((s) => s.images);
  const selected = useWorkspace((s) => s.selected);
  const settings = useWorkspace((s) => s.dataset?.settings);
  const key = useSettings((s) => s.key);
  const close = useUi((s) => s.close);
  const [scope, setScope] = useState<RunScope>(initialScope);
  const [estimate, setEstimate] = useState<RunEstimate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [batch, setBatch] = useState(false);

  const selectedIds = useMemo(() => [...selected], [selected]);
  const counts = useMemo(
    () => ({
      needs: runTargets(images, requestFor('needs', [])).length,
      selected: runTargets(images, requestFor('selected', selectedIds)).length,
      all: runTargets(images, requestFor('all', [])).length,
    }),
    [images, selectedIds],
  );
  const request = useMemo(() => requestFor(scope, selectedIds), [scope, selectedIds]);

  useEffect(() => {
    void loadSettings();
  }, []);
  useEffect(() => {
    let live = true;
    setEstimate(null);
    estimateRun(request)
      .then((e) => live && setEstimate(e))
      .catch((e) => live && setError(toUiError(e).message));
    return () => {
      live = false;
    };
  }, [request]);

  const count = counts[scope];
  // Only Gemini needs the app's key; a server's key (if it needs one) is checked when the run starts.
  const noKey = settings?.provider !== 'openai' && key !== null && !key.present;
  const who = settings ? capitalised(providerName(settings)) : 'Gemini';
  const start = async () => {
    setStarting(true);
    setError(null);
    const err = await startRun({ ...request, mode: batch && estimate?.provider === 'gemini' ? 'batch' : 'normal' });
    setStarting(false);
    if (!err) close();
    else if (err.kind !== 'invalid-key') setError(err.message);
  };
  const changeSettings = () => useUi.getState().open({ type: 'settings', focusKey: false, message: null });

  return (
    <Dialog
      title="Caption images"
      subtitle={`${who} writes one caption per image; you can edit every one afterwards.`}
      onClose={close}
      busy={starting}
      width={560}
      footer={
        <>
          {error ? (
            <span className="footer-note error-text" role="alert">
              {error}
            </span>
          ) : null}
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          {noKey ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => openKeySettings('Add your Gemini API key to start captioning.')}
            >
              <Icon name="key" size={15} /> Add API key…
            </button>
          ) : (
            <button
              type="button"
              data-autofocus
              className="btn btn-primary"
              disabled={count === 0 || starting}
              onClick={() => void start()}
            >
              <Icon name="sparkles" size={15} /> {starting ? 'Starting…' : `Caption ${plural(count, 'image')}`}
            </button>
          )}
        </>
      }
    >
      <fieldset className="scope-options">
        <legend className="sr-only">Which images</legend>
        <ScopeOption
          value="needs"
          current={scope}
          onPick={setScope}
          count={counts.needs}
          title="Images without a caption"
        >
          New images and those that failed before. Existing captions are left alone.
        </ScopeOption>
        <ScopeOption value="selected" current={scope} onPick={setScope} count={counts.selected} title="Selected images">
          Only the images selected in the gallery (⌘/Ctrl-click or Shift-click to select several). Replaces their
          captions.
        </ScopeOption>
        <ScopeOption value="all" current={scope} onPick={setScope} count={counts.all} title="Every image">
          Recaptions everything, <strong>replacing captions you edited</strong>.
        </ScopeOption>
      </fieldset>

      {settings ? (
        <RunPlan
          estimate={estimate}
          settings={settings}
          batch={batch}
          options={<BatchOption estimate={estimate} checked={batch} onChange={setBatch} />}
        />
      ) : null}
      <p className="faint small">
        {settings
          ? `Up to ${settings.concurrency} at a time, ${settings.rpm === null ? 'no rate limit' : `${settings.rpm} requests per minute`}. `
          : ''}
        <button type="button" className="link" onClick={changeSettings}>
          Change model or speed…
        </button>
      </p>
      {noKey ? (
        <div className="callout warn">
          <Icon name="key" />
          <div className="callout-body">
            <span>Captioning needs a Gemini API key. It is free to create and stays in your system keychain.</span>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
