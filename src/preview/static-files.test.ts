import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticPath } from './static-files';

describe('staticPath', () => {
  const root = '/srv/renderer';

  it('maps URL paths to files under the root, / to index.html', () => {
    expect(staticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(staticPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(staticPath(root, '/caf%C3%A9.png')).toBe(join(root, 'café.png'));
  });

  it('refuses anything that leaves the root or smuggles separators', () => {
    for (const path of [
      '/..',
      '/../etc/passwd',
      '/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fx',
      '/a%5c..%5cb',
      '/%00',
      '/%E0%A4%A',
    ]) {
      expect(staticPath(root, path), path).toBeNull();
    }
  });
});
