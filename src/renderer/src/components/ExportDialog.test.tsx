// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET_ID, openDataset } from '../../../../tests/support/dom/dataset';
import { backend } from '../../../../tests/support/dom/fake-backend';
import { letTimePass, settle, startUser } from '../../../../tests/support/dom/user';
import type { ExportReport } from '../../../shared/progress';
import { useEvents } from '../hooks/useEvents';
import { makeImage } from '../lib/test-fixtures';
import { ExportDialog } from './ExportDialog';
import { WorkspaceHeader } from './WorkspaceHeader';

/** The export dialog is the busy dialog users meet most: it cannot be dismissed while it chooses or writes. */

const ZIP = '/home/me/TOK_training.zip';
const REPORT: ExportReport = {
  ...{ preset: 'replicate', target: 'zip', path: ZIP, images: 2, bytes: 2048, warnings: [], converted: 0, copied: 2 },
  ...{ resized: 0, locationRemoved: 0, written: [], backups: [] },
};

function Workspace() {
  useEvents();
  return (
    <>
      <WorkspaceHeader />
      <ExportDialog />
    </>
  );
}

let user: UserEvent;

beforeEach(() => {
  user = startUser();
  openDataset([makeImage('a'), makeImage('b')]);
  // The dataset check every export starts with finds nothing here, so the export goes straight on.
  backend.answer('checkDataset', () => ({
    datasetId: DATASET_ID,
    findings: [],
    images: 2,
    errors: 0,
    warnings: 0,
    t5Estimated: true,
  }));
  backend.answer('chooseExportPath', () => ZIP);
  backend.answer('exportZip', () => REPORT);
  render(<Workspace />);
});

const exportButton = () => screen.getByRole('button', { name: 'Export ZIP…' });
const dialogs = () => screen.queryAllByRole('dialog', { hidden: true });

describe('ExportDialog', () => {
  it('cannot be dismissed while writing; once done, Escape closes it and focus returns to Export ZIP…', async () => {
    const writing = backend.hold('exportZip');
    await user.click(exportButton());
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Export ZIP' });
    expect(screen.getByRole('button', { name: 'Close' })).toHaveProperty('disabled', true);
    act(() => backend.emit('exportProgress', { datasetId: DATASET_ID, progress: { done: 1, total: 2, bytes: 1024 } }));
    expect(dialog.textContent).toContain('Writing 1 of 2 images');

    await user.keyboard('{Escape}');
    await user.keyboard('{Escape}');
    await letTimePass(1000);
    expect(dialog).toHaveProperty('open', true);
    expect(dialog.textContent).toContain('Writing 1 of 2 images');

    writing.next().answer();
    await settle();
    // The same dialog now reports where the ZIP went, and can be dismissed.
    expect(screen.getByRole('dialog', { name: 'Export complete' })).toBe(dialog);
    await user.keyboard('{Escape}');
    await letTimePass(1000);
    expect(dialogs()).toEqual([]);
    expect(document.activeElement).toBe(exportButton());
    expect(backend.callsTo('exportZip')).toEqual([[DATASET_ID, ZIP]]);
  });

  it('waits while the save dialog is open, and closes when it is cancelled', async () => {
    const choosing = backend.hold('chooseExportPath');
    await user.click(exportButton());
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Export ZIP' });
    expect(dialog.textContent).toContain('Choose where to save…');
    await user.keyboard('{Escape}');
    await letTimePass(1000);
    expect(dialog).toHaveProperty('open', true);

    const chosen = choosing.next();
    expect(chosen.args).toEqual(['TOK_training.zip']);
    backend.answer('chooseExportPath', () => null);
    chosen.answer();
    await settle();
    expect(dialogs()).toEqual([]);
    expect(document.activeElement).toBe(exportButton());
    expect(backend.callsTo('exportZip')).toEqual([]);
  });
});
