// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { type OpenDataset, openDataset } from '../../../../tests/support/dom/dataset';
import { backend } from '../../../../tests/support/dom/fake-backend';
import { startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';
import { useEvents } from '../hooks/useEvents';
import { visibleIds } from '../stores/visible';
import { useWorkspace } from '../stores/workspace';
import { FilterBar } from './FilterBar';

/**
 * "Written by": every author of the dataset's captions with its count (models, you, imported), combined with the
 * status filters, and "Select all" so the captions of a weaker model can be recaptioned together. Counts follow
 * the captions as they change (main's imageUpdated events).
 */

let user: UserEvent;
let dataset: OpenDataset;

function Bar() {
  useEvents();
  return <FilterBar />;
}

beforeEach(() => {
  user = startUser();
  dataset = openDataset([
    makeImage('a', { model: 'gemma-3-27b-it' }),
    makeImage('b', { model: 'gemini-2.5-flash' }),
    makeImage('c', { model: 'gemma-3-27b-it' }),
    makeImage('d', { model: 'gemma-3-27b-it', status: 'edited', captionSource: 'user' }),
    makeImage('e', { captionSource: 'imported', model: null, provider: null }),
    makeImage('f', { caption: null, captionSource: null, status: 'new', model: null, provider: null }),
  ]);
  render(<Bar />);
});

const writtenBy = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Written by' });
const shown = () => visibleIds(useWorkspace.getState());

describe('the "Written by" filter', () => {
  it('lists each model by its captions, then you, then imported; an image without a caption has no author', () => {
    expect(
      within(writtenBy())
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Anyone', 'gemma-3-27b-it (2)', 'gemini-2.5-flash (1)', 'You (1)', 'Imported (1)']);
  });

  it('shows only that author’s images, with the status filter too, and selects them all for a new caption', async () => {
    await user.selectOptions(writtenBy(), 'model:gemma-3-27b-it');
    expect(shown()).toEqual(['a', 'c']);
    expect(useWorkspace.getState().currentId).toBe('a');
    await user.click(screen.getByRole('button', { name: 'Select all 2' }));
    expect([...useWorkspace.getState().selected]).toEqual(['a', 'c']);
    expect(screen.queryByRole('button', { name: /^Select all/u })).toBeNull();
    expect(screen.getByText('2 images selected')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /^Edited/u }));
    expect(shown()).toEqual([]); // none of Gemma's captions was edited
    await user.selectOptions(writtenBy(), 'you');
    expect(shown()).toEqual(['d']);
    await user.selectOptions(writtenBy(), '');
    expect(shown()).toEqual(['d']);
  });

  it('counts follow new captions; an author whose last caption was replaced stays listed (0) while chosen', async () => {
    await user.selectOptions(writtenBy(), 'model:gemini-2.5-flash');
    const b = dataset.saved.get('b');
    if (!b) throw new Error('b is in the dataset');
    act(() => backend.emit('imageUpdated', { datasetId: 'ds1', image: { ...b, model: 'gemini-3-flash-preview' } }));
    expect(writtenBy().value).toBe('model:gemini-2.5-flash');
    expect(
      within(writtenBy())
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Anyone',
      'gemma-3-27b-it (2)',
      'gemini-3-flash-preview (1)',
      'You (1)',
      'Imported (1)',
      'gemini-2.5-flash (0)',
    ]);
  });
});
