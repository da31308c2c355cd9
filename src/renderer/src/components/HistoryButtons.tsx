import { keysFor, undoOrRedo } from '../actions/history';
import { stepTitle } from '../lib/step-text';
import { useHistory } from '../stores/history';
import { Icon } from './Icon';

/** Undo and redo across the dataset, each naming the step it would take back or bring back. */
export function HistoryButtons() {
  const undo = useHistory((s) => s.undo[0]);
  const redo = useHistory((s) => s.redo[0]);
  const busy = useHistory((s) => s.busy);
  return (
    <div className="history-buttons">
      <button
        type="button"
        className="btn btn-ghost icon-btn"
        aria-label="Undo"
        title={stepTitle('Undo', undo, keysFor('undo'))}
        disabled={!undo || busy}
        onClick={() => void undoOrRedo('undo')}
      >
        <Icon name="undo" />
      </button>
      <button
        type="button"
        className="btn btn-ghost icon-btn"
        aria-label="Redo"
        title={stepTitle('Redo', redo, keysFor('redo'))}
        disabled={!redo || busy}
        onClick={() => void undoOrRedo('redo')}
      >
        <Icon name="redo" />
      </button>
    </div>
  );
}
