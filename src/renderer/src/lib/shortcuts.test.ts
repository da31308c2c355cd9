import { describe, expect, it } from 'vitest';
import { commandFor, type KeyInput, shortcutLabel } from './shortcuts';

const key = (k: string, over: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  inTextField: false,
  mac: false,
  ...over,
});

describe('keyboard shortcuts', () => {
  it('moves with arrows and J/K in the gallery', () => {
    expect(commandFor(key('ArrowRight'))).toEqual({ type: 'move', move: 'right' });
    expect(commandFor(key('ArrowUp'))).toEqual({ type: 'move', move: 'up' });
    expect(commandFor(key('j'))).toEqual({ type: 'move', move: 'right' });
    expect(commandFor(key('k'))).toEqual({ type: 'move', move: 'left' });
  });

  it('Enter edits; Escape clears a multi-selection; X toggles exclusion', () => {
    expect(commandFor(key('Enter'))).toEqual({ type: 'edit' });
    expect(commandFor(key('Escape'))).toEqual({ type: 'clear-selection' });
    expect(commandFor(key('x'))).toEqual({ type: 'toggle-exclude' });
  });

  it('leaves plain keys to the text field, except Escape which leaves it', () => {
    expect(commandFor(key('j', { inTextField: true }))).toBeNull();
    expect(commandFor(key('ArrowLeft', { inTextField: true }))).toBeNull();
    expect(commandFor(key('Enter', { inTextField: true }))).toBeNull();
    expect(commandFor(key('Escape', { inTextField: true }))).toEqual({ type: 'leave-field' });
  });

  it('uses Ctrl elsewhere and Cmd on macOS for save-and-next and regenerate, even in the field', () => {
    expect(commandFor(key('Enter', { ctrlKey: true, inTextField: true }))).toEqual({ type: 'save-and-next' });
    expect(commandFor(key('r', { ctrlKey: true }))).toEqual({ type: 'regenerate' });
    expect(commandFor(key('Enter', { metaKey: true, mac: true, inTextField: true }))).toEqual({
      type: 'save-and-next',
    });
    expect(commandFor(key('Enter', { ctrlKey: true, mac: true }))).toBeNull();
    expect(commandFor(key('r', { metaKey: true, mac: false }))).toBeNull();
  });

  it('ignores other modified keys (Ctrl+Shift+R, Alt+J, Shift+arrows)', () => {
    expect(commandFor(key('R', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(commandFor(key('j', { altKey: true }))).toBeNull();
    expect(commandFor(key('ArrowRight', { shiftKey: true }))).toBeNull();
  });

  it('labels shortcuts the way each platform writes them', () => {
    expect(shortcutLabel('Enter', true)).toBe('⌘↵');
    expect(shortcutLabel('R', false)).toBe('Ctrl+R');
  });
});
