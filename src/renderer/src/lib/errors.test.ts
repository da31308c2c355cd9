import { describe, expect, it } from 'vitest';
import { toUiError } from './errors';
import { problemsFrom } from './export-problems';

describe('errors as the UI sees them', () => {
  it('keeps the kind, message and details of an envelope error', () => {
    const thrown = Object.assign(new Error('bad key'), { kind: 'invalid-key', details: { x: 1 } });
    expect(toUiError(thrown)).toEqual({ kind: 'invalid-key', message: 'bad key', details: { x: 1 } });
  });

  it('turns anything else into an internal error with a message', () => {
    expect(toUiError(new Error('boom'))).toEqual({ kind: 'internal', message: 'boom' });
    expect(toUiError('plain')).toEqual({ kind: 'internal', message: 'plain' });
    expect(toUiError({ kind: 'nonsense', message: 'x' })).toEqual({ kind: 'internal', message: 'x' });
  });

  it('reads the blocking images of a refused export and drops malformed entries', () => {
    const good = { imageId: 'a', relPath: 'a.jpg', exportName: 'a', severity: 'error', message: 'Needs a caption.' };
    expect(problemsFrom({ problems: [good, { imageId: 3 }] })).toEqual([good]);
    expect(problemsFrom({})).toBeNull();
    expect(problemsFrom(null)).toBeNull();
  });
});
