import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_TOASTS, toast, useToasts } from './toasts';

const messages = () => useToasts.getState().toasts.map((t) => t.message);

describe('toasts store', () => {
  beforeEach(() => useToasts.setState({ toasts: [] }));

  it('keeps only the newest few', () => {
    for (let i = 1; i <= 5; i++) toast('info', `note ${i}`);
    expect(messages()).toEqual(['note 3', 'note 4', 'note 5']);
    expect(messages()).toHaveLength(MAX_TOASTS);
  });

  it('replaces a toast with the same key instead of stacking another', () => {
    toast('info', 'Captioned 9 images', undefined, 'run-finished');
    toast('success', 'Saved');
    toast('info', 'Captioned 1 image', undefined, 'run-finished');
    expect(messages()).toEqual(['Saved', 'Captioned 1 image']);
  });

  it('shows the same message once', () => {
    toast('error', 'Could not save');
    toast('error', 'Could not save');
    expect(messages()).toEqual(['Could not save']);
  });

  it('dismisses by id', () => {
    const id = useToasts.getState().push({ tone: 'info', message: 'a' });
    useToasts.getState().dismiss(id);
    expect(messages()).toEqual([]);
  });
});
