import { describe, expect, it } from 'vitest';
import { baseName, isAbsolutePath, parentOf, parsePathLines, suggestedName } from './path-text';

describe('path helpers', () => {
  it('splits POSIX and Windows paths', () => {
    expect(baseName('/home/me/Pictures/dog/')).toBe('dog');
    expect(baseName('C:\\Users\\me\\dog.jpg')).toBe('dog.jpg');
    expect(parentOf('/home/me/Pictures/dog')).toBe('/home/me/Pictures');
  });

  it('names a dataset after what was dropped', () => {
    expect(suggestedName(['/home/me/Pictures/Max'])).toBe('Max');
    expect(suggestedName(['/p/trip/a.jpg', '/p/trip/b.jpg'])).toBe('2 items from trip');
    expect(suggestedName([])).toBe('');
  });

  it('reads one path per line and recognises absolute ones', () => {
    expect(parsePathLines(' /a \n\n/b\r\n')).toEqual(['/a', '/b']);
    expect(isAbsolutePath('/a')).toBe(true);
    expect(isAbsolutePath('D:\\photos')).toBe(true);
    expect(isAbsolutePath('\\\\server\\share')).toBe(true);
    expect(isAbsolutePath('photos/a.jpg')).toBe(false);
  });
});
