import { describe, expect, it } from 'vitest';
import { inSettings } from './settings-text';

describe('error messages shown inside Settings', () => {
  it('replaces "Check the key in Settings" for a rejected key with a step that helps there', () => {
    expect(inSettings('Gemini rejected the API key: it is not valid. Check the key in Settings.')).toBe(
      'Google rejected this key. Check that you copied all of it, or create a new key at AI Studio.',
    );
    expect(inSettings('Gemini refused the API key (403 PERMISSION_DENIED).')).toBe(
      'Google rejected this key (403 PERMISSION_DENIED). Check that you copied all of it, or create a new key at AI Studio.',
    );
  });

  it('drops or rewords any other pointer to Settings', () => {
    expect(inSettings('No Gemini API key is set. Add one in Settings (Google AI Studio issues them free).')).toBe(
      'No Gemini API key is set. Add one (Google AI Studio issues them free).',
    );
    expect(
      inSettings('Add your Gemini API key in Settings to caption images (Google AI Studio issues them free).'),
    ).toBe('Add your Gemini API key to caption images (Google AI Studio issues them free).');
    expect(inSettings('Something broke. Open Settings to fix it.')).toBe('Something broke.');
  });

  it('leaves messages that do not mention Settings alone', () => {
    const leaked =
      'Google blocked this API key because it was reported as leaked. Create a new key in Google AI Studio.';
    expect(inSettings(leaked)).toBe(leaked);
    expect(inSettings('Cannot reach Gemini: check the internet connection and try again.')).toBe(
      'Cannot reach Gemini: check the internet connection and try again.',
    );
  });
});
