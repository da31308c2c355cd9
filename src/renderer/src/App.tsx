import { BulkEditDialog } from './components/BulkEditDialog';
import { CaptionAllDialog } from './components/CaptionAllDialog';
import { DropZone } from './components/DropZone';
import { ExportDialog } from './components/ExportDialog';
import { ImportReport } from './components/ImportReport';
import { NewDatasetDialog } from './components/NewDatasetDialog';
import { PathPrompt } from './components/PathPrompt';
import { Toasts } from './components/Toasts';
import { TrainDialog } from './components/TrainDialog';
import { useDraftSafety } from './hooks/useDraftSafety';
import { useEvents } from './hooks/useEvents';
import { useMenuCommands } from './hooks/useMenuCommands';
import { SettingsDialog } from './screens/SettingsDialog';
import { StartScreen } from './screens/StartScreen';
import { WorkspaceScreen } from './screens/WorkspaceScreen';
import { type Dialog, useUi } from './stores/ui';

/** The screen (start or workspace), the one open dialog, and the layers above everything. */
export function App() {
  useEvents();
  useMenuCommands();
  useDraftSafety();
  const screen = useUi((s) => s.screen);
  const dialog = useUi((s) => s.dialog);
  return (
    <>
      {screen === 'workspace' ? <WorkspaceScreen /> : <StartScreen />}
      {dialog ? <DialogView key={dialogKey(dialog)} dialog={dialog} /> : null}
      <PathPrompt />
      <DropZone />
      <Toasts />
    </>
  );
}

/** A new dialog of the same kind (another settings message) starts fresh; new paths keep the form as typed. */
function dialogKey(dialog: Dialog): string {
  return dialog.type === 'settings' ? `settings:${dialog.focusKey}:${dialog.message ?? ''}` : dialog.type;
}

function DialogView({ dialog }: { dialog: Dialog }) {
  switch (dialog.type) {
    case 'new-dataset':
      return <NewDatasetDialog paths={dialog.paths} />;
    case 'import-report':
      return <ImportReport report={dialog.report} />;
    case 'settings':
      return <SettingsDialog focusKey={dialog.focusKey} message={dialog.message} />;
    case 'caption':
      return <CaptionAllDialog initialScope={dialog.scope} />;
    case 'export':
      return <ExportDialog />;
    case 'train':
      return <TrainDialog />;
    case 'bulk-edit':
      return <BulkEditDialog imageIds={dialog.imageIds} action={dialog.action} scope={dialog.scope} />;
  }
}
