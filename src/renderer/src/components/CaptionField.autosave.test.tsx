// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { type OpenDataset, openDataset } from '../../../../tests/support/dom/dataset';
import {
  captionField,
  editorTitle,
  fieldMessage,
  nextButton,
  renderEditor,
} from '../../../../tests/support/dom/editor';
import { backend } from '../../../../tests/support/dom/fake-backend';
import { letTimePass, settle, startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';

/**
 * When a typed caption is saved: after a pause in typing, on leaving the field, on moving to another image and
 * when the page closes. The field always keeps exactly what was typed; main stores the trimmed form. A draft
 * stays until main confirms that very text, so a failed or overtaken save never loses a word.
 */

const CAPTION = 'photo of TOK a man';
const PAUSE_MS = 1200;
let user: UserEvent;
let dataset: OpenDataset;

beforeEach(() => {
  user = startUser();
  dataset = openDataset([makeImage('a', { caption: CAPTION }), makeImage('b', { caption: null, status: 'new' })]);
  renderEditor();
});

const saves = () => backend.callsTo('setCaption').map(([, id, text]) => [id, text]);

async function typeInto(text: string) {
  await user.click(captionField());
  await user.keyboard(text);
}

describe('caption autosave', () => {
  it('saves after a pause in typing, trimmed, while the field keeps focus and exactly what was typed', async () => {
    await typeInto(' tall ');
    await letTimePass(PAUSE_MS - 1);
    expect(saves()).toEqual([]);
    await letTimePass(1);
    expect(saves()).toEqual([['a', `${CAPTION} tall `]]);
    expect(dataset.saved.get('a')?.caption).toBe(`${CAPTION} tall`);
    // The space before the next word survives the save: words are never glued together.
    expect(document.activeElement).toBe(captionField());
    expect(captionField().value).toBe(`${CAPTION} tall `);
    await user.keyboard('walking');
    expect(captionField().value).toBe(`${CAPTION} tall walking`);
  });

  it('waits for a pause: every keystroke starts it again', async () => {
    await typeInto(' t');
    await letTimePass(PAUSE_MS - 200);
    await user.keyboard('a');
    await letTimePass(PAUSE_MS - 200);
    expect(saves()).toEqual([]);
    await letTimePass(200);
    expect(saves()).toEqual([['a', `${CAPTION} ta`]]);
  });

  it('leaving the field saves at once, and the field then shows the saved caption', async () => {
    await typeInto(' tall ');
    await user.tab();
    await settle();
    expect(saves()).toEqual([['a', `${CAPTION} tall `]]);
    expect(captionField().value).toBe(`${CAPTION} tall`);
    expect(fieldMessage()).toBe('Valid caption');
  });

  it('leaving the field after a pause saved it does not save the same caption again', async () => {
    await typeInto(' tall ');
    await letTimePass(PAUSE_MS);
    await user.tab();
    await settle();
    expect(saves()).toEqual([['a', `${CAPTION} tall `]]);
    expect(captionField().value).toBe(`${CAPTION} tall`);
  });

  it('moving to another image saves the caption being left', async () => {
    await typeInto(' tall');
    await user.click(nextButton());
    await settle();
    expect(editorTitle()).toBe('b.jpg');
    // The click blurs the field (a save) and then moves on (a save of the same, not yet confirmed, draft).
    expect(new Set(saves().map(String))).toEqual(new Set([`a,${CAPTION} tall`]));
    expect(dataset.saved.get('a')?.caption).toBe(`${CAPTION} tall`);
    await user.click(screen.getByRole('button', { name: 'Previous image (K)' }));
    expect(captionField().value).toBe(`${CAPTION} tall`);
  });

  it('closing the page saves what was typed (in the app, main waits for it before quitting)', async () => {
    await typeInto(' tall');
    const unload = new Event('beforeunload', { cancelable: true });
    act(() => void window.dispatchEvent(unload));
    await settle();
    expect(saves()).toEqual([['a', `${CAPTION} tall`]]);
    expect(unload.defaultPrevented).toBe(false);
  });

  it('keeps typing that happens during a save, saves one image at a time, and saves the rest next', async () => {
    const saving = backend.hold('setCaption');
    await typeInto(' t');
    await letTimePass(PAUSE_MS);
    expect(fieldMessage()).toBe('Saving…');
    await user.keyboard('all');
    await letTimePass(PAUSE_MS);
    expect(saving.waiting).toBe(1);

    saving.next().answer();
    await settle();
    expect(captionField().value).toBe(`${CAPTION} tall`);
    await letTimePass(PAUSE_MS);
    const second = saving.next();
    expect(second.args[2]).toBe(`${CAPTION} tall`);
    second.answer();
    await settle();
    expect(dataset.saved.get('a')?.caption).toBe(`${CAPTION} tall`);
  });

  it('a pause that retries another image’s draft leaves the starter in the field being typed into', async () => {
    backend.fail('setCaption', 'io', 'the disk is full');
    await typeInto(' tall');
    await user.click(nextButton());
    await user.click(captionField());
    await letTimePass(PAUSE_MS);
    expect(saves().at(-1)).toEqual(['a', `${CAPTION} tall`]);
    expect(captionField().value).toBe('photo of TOK ');
    expect(document.activeElement).toBe(captionField());
  });

  it('a failed save keeps the text and says why under the field and in a toast; the next save clears it', async () => {
    backend.fail('setCaption', 'io', 'the disk is full');
    await typeInto(' tall');
    await user.tab();
    await settle();
    expect(captionField().value).toBe(`${CAPTION} tall`);
    expect(fieldMessage()).toBe('Not saved: the disk is full');
    expect(screen.getByRole('alert').textContent).toContain(
      'Caption for a.jpg was not saved: the disk is full. It is kept here; try again.',
    );

    backend.release('setCaption');
    await user.click(captionField());
    await user.tab();
    await settle();
    expect(fieldMessage()).toBe('Valid caption');
    expect(dataset.saved.get('a')?.caption).toBe(`${CAPTION} tall`);
  });
});

describe('a field that was only visited', () => {
  beforeEach(async () => {
    await user.click(nextButton());
    await user.click(captionField());
    expect(captionField().value).toBe('photo of TOK ');
  });

  it('saves nothing, after a pause or on leaving, and the image still needs a caption', async () => {
    await letTimePass(PAUSE_MS * 3);
    await user.tab();
    await settle();
    expect(saves()).toEqual([]);
    expect(captionField().value).toBe('');
    expect(screen.getByText('New')).toBeDefined();
  });

  it('shows a caption that arrives meanwhile, and leaving the field keeps it', async () => {
    const fromGemini = 'photo of TOK a dog on grass';
    dataset.captionArrives('b', fromGemini);
    expect(captionField().value).toBe(fromGemini);
    expect(document.activeElement).toBe(captionField());
    await user.tab();
    await letTimePass(PAUSE_MS);
    expect(saves()).toEqual([]);
    expect(captionField().value).toBe(fromGemini);
  });

  it('but words typed before a caption arrives are the user’s: kept, and saved over it', async () => {
    await user.keyboard('a dog');
    dataset.captionArrives('b', 'photo of TOK a cat');
    expect(captionField().value).toBe('photo of TOK a dog');
    await user.tab();
    await settle();
    expect(saves()).toEqual([['b', 'photo of TOK a dog']]);
  });
});
