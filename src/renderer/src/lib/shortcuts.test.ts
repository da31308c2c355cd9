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

  it('Enter edits; Escape clears a multi-selection; X toggles exclusion; B opens the bulk edit', () => {
    expect(commandFor(key('b'))).toEqual({ type: 'bulk-edit' });
    expect(commandFor(key('b', { inTextField: true }))).toBeNull();
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

  it('Shift with a moving key extends the selection; Ctrl/Cmd+A selects what is shown, outside text fields', () => {
    expect(commandFor(key('ArrowRight', { shiftKey: true }))).toEqual({ type: 'extend', move: 'right' });
    expect(commandFor(key('J', { shiftKey: true }))).toEqual({ type: 'extend', move: 'right' });
    expect(commandFor(key('End', { shiftKey: true }))).toEqual({ type: 'extend', move: 'last' });
    expect(commandFor(key('ArrowRight', { shiftKey: true, inTextField: true }))).toBeNull();
    expect(commandFor(key('a', { ctrlKey: true }))).toEqual({ type: 'select-all' });
    expect(commandFor(key('a', { metaKey: true, mac: true }))).toEqual({ type: 'select-all' });
    expect(commandFor(key('a', { ctrlKey: true, inTextField: true }))).toBeNull();
    expect(commandFor(key('a', { ctrlKey: true, mac: true }))).toBeNull();
  });

  it('Ctrl/Cmd+F (even in a text field) and / in the gallery go to the search box', () => {
    expect(commandFor(key('f', { ctrlKey: true, inTextField: true }))).toEqual({ type: 'find' });
    expect(commandFor(key('f', { metaKey: true, mac: true }))).toEqual({ type: 'find' });
    expect(commandFor(key('/'))).toEqual({ type: 'find' });
    expect(commandFor(key('/', { inTextField: true }))).toBeNull();
  });

  it('undoes and redoes across the dataset outside text fields, leaving the keys to a text field inside one', () => {
    expect(commandFor(key('z', { ctrlKey: true }))).toEqual({ type: 'undo' });
    expect(commandFor(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'redo' });
    expect(commandFor(key('y', { ctrlKey: true }))).toEqual({ type: 'redo' });
    expect(commandFor(key('z', { metaKey: true, mac: true }))).toEqual({ type: 'undo' });
    expect(commandFor(key('z', { metaKey: true, shiftKey: true, mac: true }))).toEqual({ type: 'redo' });
    expect(commandFor(key('y', { metaKey: true, mac: true }))).toBeNull();
    expect(commandFor(key('z', { ctrlKey: true, mac: true }))).toBeNull();
    expect(commandFor(key('z', { ctrlKey: true, inTextField: true }))).toBeNull();
    expect(commandFor(key('Z', { ctrlKey: true, shiftKey: true, inTextField: true }))).toBeNull();
  });

  it('ignores other modified keys (Ctrl+Shift+R, Alt+J, Shift+X)', () => {
    expect(commandFor(key('R', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(commandFor(key('j', { altKey: true }))).toBeNull();
    expect(commandFor(key('X', { shiftKey: true }))).toBeNull();
  });

  it('labels shortcuts the way each platform writes them', () => {
    expect(shortcutLabel('Enter', true)).toBe('⌘↵');
    expect(shortcutLabel('R', false)).toBe('Ctrl+R');
  });
});
