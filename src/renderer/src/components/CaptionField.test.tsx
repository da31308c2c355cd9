// @vitest-environment jsdom
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDataset } from '../../../../tests/support/dom/dataset';
import {
  captionField,
  editorTitle,
  fieldMessage,
  nextButton,
  renderEditor,
} from '../../../../tests/support/dom/editor';
import { startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';

/** The caption field on its own terms: how it takes focus, starts a caption, and says what is wrong as you type. */

const CAPTION = 'photo of TOK a man';
let user: UserEvent;

beforeEach(() => {
  user = startUser();
  openDataset([makeImage('a', { caption: CAPTION }), makeImage('b', { caption: null, status: 'new' })]);
  renderEditor();
});

describe('CaptionField', () => {
  it('shows the saved caption as valid', () => {
    expect(captionField().value).toBe(CAPTION);
    expect(captionField().getAttribute('aria-invalid')).toBe('false');
    expect(fieldMessage()).toBe('Valid caption');
  });

  it('Enter on the page puts the caret at the end of the caption', async () => {
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(captionField());
    expect(captionField().selectionStart).toBe(CAPTION.length);
    expect(captionField().selectionEnd).toBe(CAPTION.length);
  });

  it('an uncaptioned image starts with "photo of TOK " once focused, and is not called wrong for it', async () => {
    await user.click(nextButton());
    expect(captionField().value).toBe('');
    await user.click(captionField());
    expect(captionField().value).toBe('photo of TOK ');
    expect(captionField().getAttribute('aria-invalid')).toBe('false');
    expect(fieldMessage()).toBe('No caption yet: type what the photo shows after “photo of TOK”');
  });

  it('checks what is typed against the export rule as it is typed; a space before the next word is fine', async () => {
    await user.click(captionField());
    await user.keyboard(' tall ');
    expect(captionField().value).toBe(`${CAPTION} tall `);
    expect(captionField().getAttribute('aria-invalid')).toBe('false');
    expect(fieldMessage()).toBe('Edited · saves when you leave the field');

    await user.keyboard('{Backspace}.');
    expect(captionField().getAttribute('aria-invalid')).toBe('true');
    expect(fieldMessage()).toBe('Caption must not end with punctuation.');

    await user.clear(captionField());
    await user.keyboard('photo of tok a man');
    expect(fieldMessage()).toBe('Caption must start with "photo of TOK" (trigger word case as typed).');
  });

  it('keeps one line: Enter adds no line break and a pasted one becomes a space', async () => {
    await user.click(captionField());
    await user.keyboard('{Enter}{Shift>}{Enter}{/Shift}');
    expect(captionField().value).toBe(CAPTION);
    await user.paste(' on\na bench');
    expect(captionField().value).toBe(`${CAPTION} on a bench`);
    expect(fieldMessage()).toBe('Edited · saves when you leave the field');
  });

  it('typing J or K in the field writes the letters and does not change the image', async () => {
    await user.click(captionField());
    await user.keyboard(' jk');
    expect(captionField().value).toBe(`${CAPTION} jk`);
    expect(editorTitle()).toBe('a.jpg');
    expect(document.activeElement).toBe(captionField());
  });
});
