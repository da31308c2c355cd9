import { describe, expect, it } from 'vitest';
import { userCaptionPatch } from './image-handlers';

describe('userCaptionPatch', () => {
  it('folds line breaks into spaces and trims the ends, keeping everything else as typed', () => {
    expect(userCaptionPatch('  photo of TOK a cat\r\non a\nmat\r ')).toEqual({
      caption: 'photo of TOK a cat on a mat',
      captionSource: 'user',
      status: 'edited',
      error: null,
      model: null,
      provider: null,
    });
    expect(userCaptionPatch('no prefix, ends with a dot.').caption).toBe('no prefix, ends with a dot.');
    expect(userCaptionPatch('double  spaces  kept').caption).toBe('double  spaces  kept');
  });

  it('makes a cleared caption need one again', () => {
    expect(userCaptionPatch(' \n ')).toEqual({
      caption: null,
      captionSource: null,
      status: 'new',
      error: null,
      model: null,
      provider: null,
    });
  });
});
