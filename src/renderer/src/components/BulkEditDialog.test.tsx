// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET_ID, type OpenDataset, openDataset } from '../../../../tests/support/dom/dataset';
import { backend } from '../../../../tests/support/dom/fake-backend';
import { sizeScrollBoxes } from '../../../../tests/support/dom/layout';
import { settle, startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';
import { openBulkEdit } from '../actions/bulk';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { BulkEditDialog } from './BulkEditDialog';
import { Toasts } from './Toasts';

/**
 * The bulk edit's preview shows exactly what applying will do: the captions that change with the changed words
 * marked, the ones it would make invalid (listed with why, and left out), and a bad pattern as an error.
 */

let user: UserEvent;
let dataset: OpenDataset;

function Page() {
  const dialog = useUi((s) => s.dialog);
  return (
    <>
      {dialog?.type === 'bulk-edit' ? (
        <BulkEditDialog imageIds={dialog.imageIds} action={dialog.action} scope={dialog.scope} />
      ) : null}
      <Toasts />
    </>
  );
}

beforeEach(() => {
  user = startUser();
  sizeScrollBoxes('.bulk-preview-list', 640, 320);
  dataset = openDataset([
    makeImage('a', { caption: 'photo of TOK a red door' }),
    makeImage('b', { caption: 'photo of TOK a red' }),
    makeImage('c', { caption: 'photo of TOK a blue door' }),
    makeImage('d', { caption: 'photo of TOK a red wall', excluded: true }),
  ]);
  render(<Page />);
});

const bulk = () => screen.getByRole('dialog', { name: 'Edit captions in bulk' });
const preview = () => within(bulk()).getByRole('region', { name: 'Preview' });

async function open(select?: string[]) {
  if (select)
    for (const [i, id] of select.entries()) useWorkspace.getState().select(id, i === 0 ? 'replace' : 'toggle');
  openBulkEdit();
  await settle();
}

describe('bulk edit preview', () => {
  it('applies to everything shown with one image selected, or to the selection', async () => {
    await open();
    expect(within(bulk()).getByText('All 4 images of the dataset')).toBeTruthy();
    await user.click(within(bulk()).getByRole('button', { name: 'Cancel' }));
    await open(['a', 'c']);
    expect(within(bulk()).getByText('The 2 selected images')).toBeTruthy();
  });

  it('marks each change, counts it, and lists what would become invalid (left out)', async () => {
    await open();
    await user.type(within(bulk()).getByRole('textbox', { name: 'Find' }), 'red');
    await user.type(within(bulk()).getByRole('textbox', { name: 'Replace with' }), 'green');
    await settle();
    expect(within(bulk()).getByRole('status').textContent).toBe('3 captions will change');
    const rows = within(preview()).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.bulk-row-name')?.textContent)).toEqual(['a.jpg', 'b.jpg', 'd.jpg']);
    expect([...(rows[0]?.querySelectorAll('del') ?? [])].map((d) => d.textContent)).toEqual(['red']);
    expect([...(rows[0]?.querySelectorAll('ins') ?? [])].map((d) => d.textContent)).toEqual(['green']);

    // Taking "a red" out of "photo of TOK a red" leaves no description: that caption is left out, and said why.
    await user.clear(within(bulk()).getByRole('textbox', { name: 'Replace with' }));
    await user.clear(within(bulk()).getByRole('textbox', { name: 'Find' }));
    await user.type(within(bulk()).getByRole('textbox', { name: 'Find' }), 'a red');
    await settle();
    expect(within(bulk()).getByRole('status').textContent).toBe('2 captions will change');
    await user.click(within(preview()).getByRole('button', { name: 'Left out (1)' }));
    const left = within(preview()).getAllByRole('listitem');
    expect(left).toHaveLength(1);
    expect(left[0]?.textContent).toContain('b.jpg');
    expect(left[0]?.textContent).toContain('Would leave no description after the trigger word.');
  });

  it('shows a bad regular expression as an error under the field, and applies nothing', async () => {
    await open();
    await user.click(within(bulk()).getByRole('checkbox', { name: 'Regular expression' }));
    await user.type(within(bulk()).getByRole('textbox', { name: 'Find' }), '(red');
    await settle();
    expect(within(bulk()).getByRole('alert').textContent).toMatch(/^Not a valid regular expression/u);
    expect(within(bulk()).getByRole('textbox', { name: 'Find' }).getAttribute('aria-invalid')).toBe('true');
    expect(within(bulk()).getByRole('button', { name: 'Apply' })).toHaveProperty('disabled', true);
  });

  it('applies the edit to the captions it changes, as one step, and offers Undo', async () => {
    backend.answer('applyBulkEdit', (_d, _edit, ids) => ({
      step: { id: 's1', at: '', action: 'bulk-add', model: null, target: null, images: ids.length },
      images: ids.map((id) => ({ ...(dataset.saved.get(id) ?? makeImage(id)), caption: 'photo of TOK x' })),
      leftOut: [],
      history: { undo: [], redo: [] },
    }));
    await open(['a', 'b']);
    await user.click(within(bulk()).getByRole('button', { name: 'Add text' }));
    await user.type(within(bulk()).getByRole('textbox', { name: 'Text to add' }), 'at night');
    await settle();
    expect(within(bulk()).getByRole('status').textContent).toBe('2 captions will change');
    await user.click(within(bulk()).getByRole('button', { name: 'Apply to 2 captions' }));
    await settle();
    expect(backend.callsTo('applyBulkEdit')).toEqual([
      [DATASET_ID, { kind: 'add', text: 'at night', at: 'end' }, ['a', 'b']],
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    const toast = screen.getByText('Added to 2 captions.').closest<HTMLElement>('[role="status"]');
    expect(toast && within(toast).getByRole('button', { name: 'Undo (Ctrl+Z)' })).toBeTruthy();
  });

  it('excludes or includes all of them through the one exclusion call', async () => {
    backend.answer('setExcluded', () => undefined);
    await open();
    await user.click(within(bulk()).getByRole('button', { name: 'Exclude or include' }));
    expect(within(bulk()).getByText(/3 images are in the export now, 1 excluded/u)).toBeTruthy();
    await user.click(within(bulk()).getByRole('button', { name: 'Exclude 4 images' }));
    await settle();
    expect(backend.callsTo('setExcluded')).toEqual([[DATASET_ID, ['a', 'b', 'c', 'd'], true]]);
  });
});
