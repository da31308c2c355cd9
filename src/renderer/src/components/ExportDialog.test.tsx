// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET_ID, openDataset } from '../../../../tests/support/dom/dataset';
import { backend } from '../../../../tests/support/dom/fake-backend';
import { letTimePass, settle, startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';
import { DEFAULT_EXPORT_CHOICE, ExportChoice } from '../../../shared/export-presets';
import type { ExportReport } from '../../../shared/progress';
import { useEvents } from '../hooks/useEvents';
import { useWorkspace } from '../stores/workspace';
import { ExportDialog } from './ExportDialog';
import { WorkspaceHeader } from './WorkspaceHeader';

/**
 * The export dialog: the preset and its options (remembered per dataset), then a busy dialog that cannot be
 * dismissed while it chooses or writes but can be cancelled, then the report.
 */

const ZIP = '/home/me/TOK_training.zip';
const REPORT: ExportReport = {
  ...{ preset: 'replicate', target: 'zip', path: ZIP, images: 2, bytes: 2048, warnings: [], converted: 0, copied: 2 },
  ...{ resized: 0, locationRemoved: 2, written: [], backups: [] },
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
  backend.answer('exportDataset', () => REPORT);
  render(<Workspace />);
});

const exportButton = () => screen.getByRole('button', { name: 'Export…' });
const dialogs = () => screen.queryAllByRole('dialog', { hidden: true });
const options = () => screen.getByRole('dialog', { name: 'Export' });
const layout = () => within(options()).getByRole('figure', { name: 'What gets written' }).textContent;

async function openOptions(): Promise<HTMLElement> {
  await user.click(exportButton());
  await settle();
  return options();
}

describe('ExportDialog', () => {
  it('cannot be dismissed while writing; once done, Escape closes it and focus returns to Export…', async () => {
    const writing = backend.hold('exportDataset');
    await openOptions();
    await user.click(screen.getByRole('button', { name: 'Export ZIP…' }));
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Exporting' });
    expect(screen.getByRole('button', { name: 'Close' })).toHaveProperty('disabled', true);
    act(() => backend.emit('exportProgress', { datasetId: DATASET_ID, progress: { done: 1, total: 2, bytes: 1024 } }));
    expect(dialog.textContent).toContain('Writing 1 of 2 images');

    await user.keyboard('{Escape}');
    await user.keyboard('{Escape}');
    await letTimePass(1000);
    expect(dialog).toHaveProperty('open', true);

    writing.next().answer();
    await settle();
    const done = screen.getByRole('dialog', { name: 'Export complete' });
    expect(done.textContent).toContain('2 images with captions · Replicate / fal');
    expect(done.textContent).toContain('location removed from 2');
    await user.keyboard('{Escape}');
    await letTimePass(1000);
    expect(dialogs()).toEqual([]);
    expect(document.activeElement).toBe(exportButton());
    expect(backend.callsTo('exportDataset')).toEqual([[DATASET_ID, { choice: DEFAULT_EXPORT_CHOICE, path: ZIP }]]);
  });

  it('Cancel stops the writing and comes back to the options, saying nothing was written', async () => {
    const writing = backend.hold('exportDataset');
    backend.answer('cancelExport', () => undefined);
    await openOptions();
    await user.click(screen.getByRole('button', { name: 'Export ZIP…' }));
    await settle();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(backend.callsTo('cancelExport')).toEqual([[DATASET_ID]]);
    expect(screen.getByRole('button', { name: 'Stopping…' })).toHaveProperty('disabled', true);
    writing.next().fail('cancelled', 'The export was cancelled.');
    await settle();
    expect(options().textContent).toContain('Export cancelled: nothing was written.');
  });

  it('a cancelled save prompt comes back to the options as they were', async () => {
    backend.answer('chooseExportPath', () => null);
    await openOptions();
    await user.click(screen.getByRole('checkbox', { name: 'Scale large images down' }));
    await user.click(screen.getByRole('button', { name: 'Export ZIP…' }));
    await settle();
    expect(screen.getByRole('checkbox', { name: 'Scale large images down' })).toHaveProperty('checked', true);
    expect(backend.callsTo('chooseExportPath')).toEqual([['TOK_training.zip']]);
    expect(backend.callsTo('exportDataset')).toEqual([]);
  });

  it('kohya: a folder by default, repeats and class word in the folder name, a bad class word blocks', async () => {
    backend.answer('chooseFolder', () => ['/home/me/out']);
    await openOptions();
    await user.click(screen.getByRole('radio', { name: /kohya/u }));
    expect(screen.getByRole('button', { name: 'Folder' }).getAttribute('aria-pressed')).toBe('true');
    expect(layout()).toContain('10_TOK photo/a.jpg');
    const classWord = screen.getByRole('textbox', { name: 'Class word' });
    await user.clear(classWord);
    await user.type(classWord, 'hall/room');
    expect(screen.getByRole('button', { name: 'Export to folder…' })).toHaveProperty('disabled', true);
    expect(options().textContent).toContain('It names a folder');
    await user.clear(classWord);
    await user.type(classWord, 'building');
    await user.clear(screen.getByRole('textbox', { name: 'Repeats' }));
    await user.type(screen.getByRole('textbox', { name: 'Repeats' }), '5');
    expect(layout()).toContain('5_TOK building/a.jpg');
    await user.click(screen.getByRole('button', { name: 'Export to folder…' }));
    await settle();
    const [[, request] = []] = backend.callsTo('exportDataset');
    expect(request).toEqual({
      choice: {
        ...DEFAULT_EXPORT_CHOICE,
        preset: 'kohya',
        target: 'folder',
        kohyaRepeats: 5,
        kohyaClassWord: 'building',
      },
      path: '/home/me/out',
    });
    expect(useWorkspace.getState().dataset?.exportChoice.preset).toBe('kohya');
  });

  it('removes location data unless told otherwise, and resizes only when ticked, within the limits', async () => {
    await openOptions();
    const gps = screen.getByRole('checkbox', { name: 'Remove location data (GPS)' });
    expect(gps).toHaveProperty('checked', true);
    await user.click(gps);
    expect(options().textContent).toContain('anyone you share the dataset with can see the place');
    await user.click(screen.getByRole('checkbox', { name: 'Scale large images down' }));
    const size = screen.getByRole('textbox', { name: 'Long side at most' });
    expect(size).toHaveProperty('value', '1024');
    await user.clear(size);
    await user.type(size, '100');
    expect(screen.getByRole('button', { name: 'Export ZIP…' })).toHaveProperty('disabled', true);
    await user.clear(size);
    await user.type(size, '1536');
    await user.click(screen.getByRole('button', { name: 'Export ZIP…' }));
    await settle();
    expect(backend.callsTo('exportDataset')[0]?.[1].choice).toMatchObject({ keepLocation: true, resizeLongSide: 1536 });
  });

  it('beside: asks for no path and lists every caption file written and every .bak kept', async () => {
    backend.answer('exportDataset', () => ({
      ...REPORT,
      ...{ preset: 'beside', target: 'beside', path: '/photos', bytes: 0, copied: 0, locationRemoved: 0 },
      ...{ images: 3, written: ['/photos/a.txt', '/photos/b.txt'], backups: ['/photos/b.txt.bak'] },
    }));
    await openOptions();
    await user.click(screen.getByRole('radio', { name: /Next to the photos/u }));
    expect(screen.queryByRole('checkbox', { name: 'Remove location data (GPS)' })).toBeNull();
    expect(layout()).toContain('a.txt');
    await user.click(screen.getByRole('button', { name: 'Write captions' }));
    await settle();
    expect(backend.callsTo('chooseExportPath')).toEqual([]);
    expect(backend.callsTo('exportDataset')[0]?.[1]).toMatchObject({ choice: { preset: 'beside' }, path: null });
    const done = screen.getByRole('dialog', { name: 'Captions written' });
    expect(done.textContent).toContain(
      '2 caption files written next to the photos · 1 older caption file kept as .bak · 1 already up to date',
    );
    const written = within(done).getByRole('region', { name: '2 caption files written' });
    expect(
      within(written)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['/photos/a.txt', '/photos/b.txt']);
    const kept = within(done).getByRole('region', { name: '1 older caption file kept as .bak' });
    expect(kept.textContent).toContain('/photos/b.txt.bak');
  });

  it('closing the options remembers a changed choice for this dataset, and only a changed one', async () => {
    backend.answer('setExportChoice', (_id, choice) => ExportChoice.parse(choice));
    await openOptions();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(backend.callsTo('setExportChoice')).toEqual([]);

    await openOptions();
    await user.click(screen.getByRole('radio', { name: /Hugging Face/u }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    const hf: ExportChoice = { ...DEFAULT_EXPORT_CHOICE, preset: 'hf', target: 'folder' };
    expect(backend.callsTo('setExportChoice')).toEqual([[DATASET_ID, hf]]);
    await openOptions();
    expect(screen.getByRole('radio', { name: /Hugging Face/u })).toHaveProperty('checked', true);
    expect(layout()).toContain('train/metadata.jsonl');
  });

  it('refuses at once, with the images to fix, while one lacks a caption', async () => {
    openDataset([makeImage('a'), makeImage('b', { caption: null, status: 'new' })]);
    await user.click(exportButton());
    await settle();
    const blocked = screen.getByRole('dialog', { name: 'Not ready to export yet' });
    expect(blocked.textContent).toContain('1 image still needs a valid caption.');
    expect(within(blocked).getAllByRole('listitem')).toHaveLength(1);
    expect(backend.callsTo('exportDataset')).toEqual([]);
  });
});
