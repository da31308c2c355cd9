import { isBatchPending } from '../../../shared/batch-status';
import { cancelRun, pauseRun, resumeRun, retryFailed } from '../actions/run';
import { useOpenFailures } from '../hooks/useOpenFailures';
import { capitalised, runWho } from '../lib/model-text';
import { progressParts, runFraction, summaryDetail, summaryHeadline } from '../lib/run-text';
import { useBatch } from '../stores/batch';
import { isRunActive, useRun } from '../stores/run';
import { openKeySettings, useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { BatchBar } from './BatchBar';
import { DatasetStats } from './DatasetStats';
import { FAILED_TOGGLE_ID } from './FailedPanel';
import { Icon } from './Icon';
import { ProgressBar } from './ProgressBar';

/**
 * The bottom bar of the workspace, always the same height: dataset figures when idle, the run's progress with
 * pause/resume/cancel while captioning (or a batch job's state while one waits at Gemini), the summary with
 * "Retry failed" after it. The failed list it toggles is
 * docked under the gallery (FailedPanel), not drawn over the workspace.
 */
export function RunBar() {
  const run = useRun();
  const datasetId = useWorkspace((s) => s.dataset?.id);
  const settings = useWorkspace((s) => s.dataset?.settings);
  const batch = useBatch((s) => (datasetId ? s.byDataset[datasetId] : undefined));
  const open = useOpenFailures();
  const mine = run.datasetId === datasetId;
  const who = runWho(settings, run.progress?.model);

  if (datasetId && batch && isBatchPending(batch.state) && !(mine && isRunActive(run))) {
    return <BatchBar datasetId={datasetId} status={batch} />;
  }
  if (!mine || run.phase === 'idle') {
    return (
      <footer className="run-bar">
        <DatasetStats />
      </footer>
    );
  }

  if (run.phase === 'finished' && run.summary) {
    const s = run.summary;
    // What still needs the user, not what the run reported: captions written since then count as fixed.
    const failed = open.length;
    const allFixed = failed === 0 && run.failedIds.length > 0;
    const tone = s.status === 'completed' ? (failed > 0 ? 'warn' : 'ok') : s.status === 'cancelled' ? 'info' : 'error';
    const detail = `${summaryDetail(s, who)}${allFixed ? ' · every image that failed has a caption now' : ''}`;
    return (
      <footer className={`run-bar finished ${tone}`}>
        <Icon
          name={tone === 'ok' ? 'check-circle' : tone === 'info' ? 'info' : 'alert-circle'}
          size={18}
          className="run-icon"
        />
        <div className="run-text">
          <strong>{summaryHeadline(s, who)}</strong>
          <span className="faint" title={detail}>
            {detail}
          </span>
        </div>
        <div className="spacer" />
        {s.status === 'invalid-key' || s.status === 'model-not-found' || s.status === 'no-vision' ? (
          <button
            type="button"
            className="btn btn-sm"
            onClick={() =>
              s.status === 'invalid-key'
                ? openKeySettings(s.message ?? `${capitalised(who.name)} rejected the API key.`)
                : useUi.getState().open({ type: 'settings', focusKey: false, message: s.message })
            }
          >
            Open settings
          </button>
        ) : null}
        {failed > 0 ? (
          <>
            <button
              id={FAILED_TOGGLE_ID}
              type="button"
              className="btn btn-sm"
              aria-expanded={run.failedOpen}
              onClick={() => run.setFailedOpen(!run.failedOpen)}
            >
              {run.failedOpen ? 'Hide' : 'Show'} failed ({failed.toLocaleString('en-US')})
            </button>
            <button type="button" className="btn btn-sm btn-primary" onClick={() => void retryFailed()}>
              <Icon name="refresh" size={14} /> Retry failed
            </button>
          </>
        ) : null}
        <button
          type="button"
          className="btn btn-ghost icon-btn btn-sm"
          aria-label="Dismiss run summary"
          onClick={() => run.dismiss()}
        >
          <Icon name="x" size={15} />
        </button>
      </footer>
    );
  }

  const p = run.progress;
  const paused = p?.paused === true;
  const finished = p ? p.done + p.failed + p.blocked : 0;
  const total = p?.total ?? run.total;
  return (
    <footer className={`run-bar running ${paused ? 'paused' : ''}`}>
      {paused ? <Icon name="pause" size={16} className="run-icon" /> : <span className="spinner" aria-hidden="true" />}
      <div className="run-main">
        <div className="run-line">
          <strong>
            {paused ? 'Paused' : run.phase === 'starting' ? 'Starting…' : 'Captioning'}{' '}
            {finished.toLocaleString('en-US')} of {total.toLocaleString('en-US')}
          </strong>
          <span className="faint run-parts">
            {p
              ? progressParts(p, who.local).join(' · ')
              : who.provider === 'gemini'
                ? 'Checking the key and the model…'
                : `Connecting to ${who.name}…`}
          </span>
        </div>
        <ProgressBar value={p ? runFraction(p) : null} label="Captioning progress" />
      </div>
      {paused ? (
        <button type="button" className="btn btn-sm" onClick={() => void resumeRun()}>
          <Icon name="play" size={14} /> Resume
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-sm"
          disabled={run.phase === 'starting'}
          onClick={() => void pauseRun()}
        >
          <Icon name="pause" size={14} /> Pause
        </button>
      )}
      <button
        type="button"
        className="btn btn-sm btn-danger"
        title="Stop the run; captions already written are kept"
        onClick={() => void cancelRun()}
      >
        <Icon name="stop" size={13} /> Cancel
      </button>
    </footer>
  );
}
