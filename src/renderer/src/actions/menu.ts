import type { MenuCommand } from '../../../shared/contract';
import { isRunActive, useRun } from '../stores/run';
import { toast } from '../stores/toasts';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { openExport } from './export';
import { newDatasetFromFolder } from './sources';

/** What each application-menu item does, wherever the user is. */
export function runMenuCommand(command: MenuCommand): void {
  const ui = useUi.getState();
  const open = useWorkspace.getState().dataset !== null && ui.screen === 'workspace';
  switch (command) {
    case 'new-dataset':
      ui.open({ type: 'new-dataset', paths: [] });
      return;
    case 'open-folder':
      void newDatasetFromFolder();
      return;
    case 'settings':
      ui.open({ type: 'settings', focusKey: false, message: null });
      return;
    case 'export':
      if (open) void openExport();
      else toast('info', 'Open a dataset first, then export it.');
      return;
    case 'caption-all':
      if (!open) toast('info', 'Open a dataset first, then caption it.');
      else if (isRunActive(useRun.getState())) toast('info', 'A run is already going.');
      else ui.open({ type: 'caption', scope: 'needs' });
      return;
  }
}
