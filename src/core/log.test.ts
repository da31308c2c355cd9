import { describe, expect, it } from 'vitest';
import { createLogger, redact } from './log';

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

describe('redact', () => {
  it('removes GOOGLE_API_KEY, keys in URLs and the API key header', () => {
    const env = { GOOGLE_API_KEY: 'google-secret-value' };
    expect(redact('k=google-secret-value', env, '/home/ann')).toBe('k=[API key]');
    expect(redact('GET https://x.dev/a?alt=sse&key=abc123&b=1 done', {}, '/home/ann')).toBe(
      'GET https://x.dev/a?alt=sse&key=[redacted]&b=1 done',
    );
    expect(redact('https://x.dev/?access_token=tok#f', {}, '/home/ann')).toBe(
      'https://x.dev/?access_token=[redacted]#f',
    );
    expect(redact('{"x-goog-api-key":"abc123"}', {}, '/home/ann')).toBe('{"x-goog-api-key":"[redacted]"}');
    expect(redact('monkey=1 ?keyboard=2', {}, '/home/ann')).toBe('monkey=1 ?keyboard=2');
  });
});
