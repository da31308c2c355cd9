import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../../src/main/log';

const KEY = `AIza${'x'.repeat(35)}`;

describe('the main-process log', () => {
  it('never prints an API key or the home directory', () => {
    const env = { GEMINI_API_KEY: 'my-secret-env-key' };
    expect(redact(`key=${KEY} env=my-secret-env-key at /home/ann/x`, env, '/home/ann')).toBe(
      'key=[API key] env=[API key] at ~/x',
    );
  });

  it('redacts messages and error details alike', () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line), {});
    log.error('Request failed', new Error(`bad key ${KEY}`));
    log.warn('details', { key: KEY });
    expect(lines.join('\n')).not.toContain(KEY);
    expect(lines[0]).toContain('Request failed');
  });
});
