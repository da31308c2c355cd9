// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET_ID, type OpenDataset, openDataset } from '../../../../tests/support/dom/dataset';
import { captionField, editorTitle, nextButton, renderEditor } from '../../../../tests/support/dom/editor';
import { backend } from '../../../../tests/support/dom/fake-backend';
import { settle, startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';

/**
 * The keys the caption field owns (Ctrl+Enter saves and moves on, Escape leaves the field, Ctrl+R regenerates)
 * and Regenerate's Undo, which gives back the caption a new one replaced.
 */

const CAPTION = 'photo of TOK a man';
const FROM_GEMINI = 'photo of TOK a man in a grey coat';
let user: UserEvent;
let dataset: OpenDataset;

beforeEach(() => {
  user = startUser();
  dataset = openDataset([
    makeImage('a', { caption: CAPTION }),
    makeImage('b', { caption: null, status: 'new' }),
    makeImage('c', { caption: 'photo of TOK a dog' }),
  ]);
  backend.answer('startRun', () => undefined);
  renderEditor();
});

const saves = () => backend.callsTo('setCaption').map(([, id, text]) => [id, text]);
const lastSave = () => saves().at(-1);

/** The toast that offers the replaced caption back. */
function undoOffer(): HTMLElement {
  const offer = screen.getByText('New caption for a.jpg.').closest<HTMLElement>('[role="status"]');
  if (!offer) throw new Error('the Undo offer is a status toast');
  return offer;
}

async function typeInto(text: string) {
  await user.click(captionField());
  await user.keyboard(text);
}

describe('who wrote the caption', () => {
  it('names the model, "you" once the user saves their own words', async () => {
    expect(screen.getByText('Written by gemini-2.5-flash')).toBeTruthy();
    await typeInto(' tall');
    await user.keyboard('{Escape}');
    await settle();
    expect(screen.getByText('Written by you')).toBeTruthy();
    await user.click(nextButton());
    expect(screen.queryByText(/^Written by/u)).toBeNull(); // b has no caption yet
  });
});

describe('the caption field’s keys', () => {
  it('Ctrl+Enter saves and moves on with focus kept in the field; an empty caption gets the starter', async () => {
    await typeInto(' tall');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await settle();
    expect(saves()).toEqual([['a', `${CAPTION} tall`]]);
    expect(editorTitle()).toBe('b.jpg');
    expect(document.activeElement).toBe(captionField());
    expect(captionField().value).toBe('photo of TOK ');
  });

  it('Ctrl+Enter on the last image saves and stays', async () => {
    await user.click(nextButton());
    await user.click(nextButton());
    await typeInto(' asleep');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await settle();
    expect(saves()).toEqual([['c', 'photo of TOK a dog asleep']]);
    expect(editorTitle()).toBe('c.jpg');
  });

  it('Escape leaves the field and saves; the keys are the page’s again (J moves to the next image)', async () => {
    await typeInto(' tall');
    await user.keyboard('{Escape}');
    await settle();
    expect(document.activeElement).not.toBe(captionField());
    expect(saves()).toEqual([['a', `${CAPTION} tall`]]);
    await user.keyboard('j');
    expect(editorTitle()).toBe('b.jpg');
  });
});

describe('Regenerate', () => {
  it('saves what was typed, asks for a new caption, and offers the typed one back with Undo', async () => {
    await typeInto(' tall');
    await user.click(screen.getByRole('button', { name: /Regenerate/u }));
    await settle();
    expect(lastSave()).toEqual(['a', `${CAPTION} tall`]);
    expect(backend.callsTo('startRun')).toEqual([[DATASET_ID, { only: ['a'], recaption: true }]]);

    dataset.captionArrives('a', FROM_GEMINI);
    expect(captionField().value).toBe(FROM_GEMINI);
    await user.click(within(undoOffer()).getByRole('button', { name: 'Undo' }));
    await settle();
    expect(lastSave()).toEqual(['a', `${CAPTION} tall`]);
    expect(captionField().value).toBe(`${CAPTION} tall`);
    expect(dataset.saved.get('a')?.status).toBe('edited');
  });

  it('Ctrl+R in the field does the same; Undo leaves alone a caption edited after the new one came', async () => {
    await typeInto(' tall');
    await user.keyboard('{Control>}r{/Control}');
    await settle();
    expect(backend.callsTo('startRun')).toHaveLength(1);
    dataset.captionArrives('a', FROM_GEMINI);
    await typeInto(' with a hat');
    await user.tab();
    await settle();

    await user.click(within(undoOffer()).getByRole('button', { name: 'Undo' }));
    await settle();
    expect(screen.getByText('That caption has changed since, so nothing was undone.')).toBeDefined();
    expect(lastSave()).toEqual(['a', `${FROM_GEMINI} with a hat`]);
    expect(captionField().value).toBe(`${FROM_GEMINI} with a hat`);
  });

  it('says why when it cannot start, and offers nothing back', async () => {
    backend.fail('startRun', 'network', 'Gemini cannot be reached');
    await user.click(screen.getByRole('button', { name: /Regenerate/u }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Could not regenerate: Gemini cannot be reached');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(captionField().value).toBe(CAPTION);
  });
});
