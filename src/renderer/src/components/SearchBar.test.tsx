// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDataset } from '../../../../tests/support/dom/dataset';
import { startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';
import { useKeyboardShortcuts } from '../hooks/useKeyboardShortcuts';
import { visibleIds } from '../stores/visible';
import { useWorkspace } from '../stores/workspace';
import { SearchBar } from './SearchBar';

/**
 * The search box filters as the user types (with the count of what it shows), says what it cannot understand
 * without losing the rest, clears on the first Escape, and sets the order; Ctrl+F and / come to it.
 */

let user: UserEvent;

function Page() {
  useKeyboardShortcuts();
  return <SearchBar />;
}

beforeEach(() => {
  user = startUser();
  openDataset([
    makeImage('hall-10', { caption: 'photo of TOK a red brick wall' }),
    makeImage('hall-2', { caption: 'photo of TOK a tall window', status: 'edited', captionSource: 'user' }),
    makeImage('yard', { caption: 'photo of TOK a red car in a yard' }),
  ]);
  render(<Page />);
});

const field = () => screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search captions and file names' });
const shown = () => visibleIds(useWorkspace.getState());

describe('the search bar', () => {
  it('filters as the user types and counts what it shows; the editor moves to the first match', async () => {
    await user.type(field(), 'red -car');
    expect(shown()).toEqual(['hall-10']);
    expect(screen.getByRole('status').textContent).toBe('1 of 3');
    expect(useWorkspace.getState().currentId).toBe('hall-10');
    await user.clear(field());
    await user.type(field(), 'hall edited');
    expect(shown()).toEqual(['hall-2']);
    expect(useWorkspace.getState().currentId).toBe('hall-2');
  });

  it('shows what it cannot understand as a message on the field and keeps filtering with the rest', async () => {
    await user.type(field(), 'red /[[/'); // [[ types one [
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toBeTruthy();
    const id = field().getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(id)?.textContent).toMatch(/^\/\[\/ is not a valid regular expression/u);
    expect(shown()).toEqual(['hall-10', 'yard']);
  });

  it('clears on the first Escape', async () => {
    await user.type(field(), 'red');
    await user.keyboard('{Escape}');
    expect(field().value).toBe('');
    expect(shown()).toEqual(['hall-10', 'hall-2', 'yard']);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('sorts by name (naturally) and reverses the order', async () => {
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'Name');
    expect(shown()).toEqual(['hall-2', 'hall-10', 'yard']);
    await user.click(screen.getByRole('button', { name: 'Reverse order' }));
    expect(shown()).toEqual(['yard', 'hall-10', 'hall-2']);
  });

  it('Ctrl+F and / (outside a text field) focus it; a help line adds an example to the search', async () => {
    await user.keyboard('{Control>}f{/Control}');
    expect(document.activeElement).toBe(field());
    field().blur();
    await user.keyboard('/');
    expect(document.activeElement).toBe(field());
    await user.click(screen.getByRole('button', { name: 'Search help' }));
    await user.click(screen.getByRole('button', { name: 'edited' }));
    expect(field().value).toBe('edited');
    expect(shown()).toEqual(['hall-2']);
  });
});
