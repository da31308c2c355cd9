// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDataset } from '../../../../tests/support/dom/dataset';
import { captionField, renderEditor } from '../../../../tests/support/dom/editor';
import { startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';

/**
 * The editor counts the caption's tokens for CLIP-L (the real tokenizer, loaded when first needed) and T5 (an
 * estimate, with ≈), and marks in the field itself the words past CLIP's 77 tokens, following the typing.
 */

const SHORT = 'photo of TOK a man';
/** "cat" is one CLIP token (2368). */
const CATS = (n: number) => Array.from({ length: n }, () => 'cat').join(' ');
let user: UserEvent;

beforeEach(() => {
  user = startUser();
  openDataset([makeImage('a', { caption: SHORT })]);
  renderEditor();
});

const clipText = () => screen.getByText(/^CLIP /u).textContent;
const marked = () => document.querySelector('.caption-backdrop mark')?.textContent ?? null;

describe('the token counter', () => {
  it('counts CLIP with the real tokenizer once it has loaded, T5 as an estimate', async () => {
    expect(screen.getByText(/^T5 ≈\d+\/512$/u)).toBeTruthy();
    // "photo of TOK a man": 5 tokens and the start and end markers.
    await waitFor(() => expect(clipText()).toBe('CLIP 7/77'));
    expect(marked()).toBeNull();
  });

  it('marks exactly what CLIP cuts off, and follows the typing', async () => {
    await waitFor(() => expect(clipText()).toBe('CLIP 7/77'));
    await user.click(captionField());
    await user.keyboard(` ${CATS(80)}`);
    // 7 + 80 = 87 tokens; the window holds 75 between the markers: 5 for "photo of TOK a man", 70 cats.
    expect(clipText()).toBe('CLIP 87/77');
    expect(screen.getByText('CLIP 87/77').className).toBe('over-tokens');
    expect(marked()).toBe(CATS(10));
    expect(screen.getByText(/are past CLIP’s 77 tokens/u)).toBeTruthy();
    await user.clear(captionField());
    await user.keyboard(SHORT);
    expect(marked()).toBeNull();
  });
});
