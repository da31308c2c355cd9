// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET_ID, type OpenDataset, openDataset } from '../../../../tests/support/dom/dataset';
import { captionField, renderEditor } from '../../../../tests/support/dom/editor';
import { backend } from '../../../../tests/support/dom/fake-backend';
import { settle, startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';
import type { StepResult, StepSummary, UndoState } from '../../../shared/history';
import { useHistory } from '../stores/history';
import { HistoryButtons } from './HistoryButtons';

/**
 * Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z undo and redo across the dataset everywhere but in a text field, where the
 * field's own undo keeps the keys; the buttons name the step; the toast says what was undone.
 */

const BULK: StepSummary = {
  id: 's1',
  at: '2026-01-01T00:00:00Z',
  action: 'bulk-replace',
  model: null,
  target: null,
  images: 2,
};
const UNDONE: StepSummary = { ...BULK, id: 's2', action: 'undo', target: 'bulk-replace' };
const RED = 'photo of TOK a red door';
const CRIMSON = 'photo of TOK a crimson door';
let user: UserEvent;
let dataset: OpenDataset;

function result(caption: string, history: UndoState, step: StepSummary): StepResult {
  const images = ['a', 'b'].map((id) => ({ ...(dataset.saved.get(id) ?? makeImage(id)), caption }));
  return { step, images, leftOut: [], history };
}

beforeEach(() => {
  user = startUser();
  dataset = openDataset([makeImage('a', { caption: CRIMSON }), makeImage('b', { caption: CRIMSON })]);
  useHistory.getState().set(DATASET_ID, { undo: [BULK], redo: [] });
  backend.answer('undo', () => result(RED, { undo: [], redo: [UNDONE] }, UNDONE));
  backend.answer('redo', () =>
    result(CRIMSON, { undo: [BULK], redo: [] }, { ...BULK, id: 's3', action: 'redo', target: 'bulk-replace' }),
  );
  renderEditor();
  render(<HistoryButtons />);
});

describe('undo and redo across the dataset', () => {
  it('leaves Ctrl+Z and Ctrl+Shift+Z to the caption field while it has focus', async () => {
    await user.click(captionField());
    await user.keyboard('{Control>}z{/Control}{Control>}{Shift>}z{/Shift}{/Control}');
    await settle();
    expect(backend.callsTo('undo')).toEqual([]);
    expect(backend.callsTo('redo')).toEqual([]);
  });

  it('undoes and redoes by key elsewhere, one step for the whole bulk edit, and says what it did', async () => {
    expect(screen.getByRole('button', { name: 'Undo' }).title).toBe('Undo bulk replace, 2 captions (Ctrl+Z)');
    expect(screen.getByRole('button', { name: 'Redo' })).toHaveProperty('disabled', true);
    await user.keyboard('{Control>}z{/Control}');
    await settle();
    expect(backend.callsTo('undo')).toEqual([[DATASET_ID]]);
    expect(screen.getByText('Undid bulk replace on 2 captions.')).toBeTruthy();
    expect(captionField().value).toBe(RED);
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Redo' }).title).toBe('Redo bulk replace, 2 captions (Ctrl+Shift+Z)');

    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await settle();
    expect(backend.callsTo('redo')).toEqual([[DATASET_ID]]);
    expect(screen.getByText('Redid bulk replace on 2 captions.')).toBeTruthy();
    expect(captionField().value).toBe(CRIMSON);
  });

  it('says when an image changed since the step and was left as it is', async () => {
    backend.answer('undo', () => ({
      ...result(RED, { undo: [], redo: [UNDONE] }, UNDONE),
      images: [{ ...makeImage('a'), caption: RED }],
      leftOut: [{ imageId: 'b', reason: 'changed since' }],
    }));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    expect(
      screen.getByText(
        'Undid bulk replace on 2 captions. 1 image changed since (in another window, by the command line or a run) and was left as it is.',
      ),
    ).toBeTruthy();
  });

  it('undoes only after the caption just typed is saved (the undo never races it)', async () => {
    const saving = backend.hold('setCaption');
    await user.click(captionField());
    await user.keyboard(' now');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    // The blur's save and the undo's own flush of the same draft: both on their way, the undo waits for them.
    expect(saving.waiting).toBeGreaterThan(0);
    expect(backend.callsTo('undo')).toEqual([]);
    while (saving.waiting > 0) saving.next().answer();
    await settle();
    expect(backend.callsTo('undo')).toEqual([[DATASET_ID]]);
  });
});
