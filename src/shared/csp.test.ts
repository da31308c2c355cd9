import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './csp';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('the Content-Security-Policy', () => {
  it('has every required directive with the required sources', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': "'self'",
      'img-src': "'self' data: blob: caption-studio:",
      'style-src': "'self' 'unsafe-inline'",
      'script-src': "'self'",
      'connect-src': "'self'",
      'font-src': "'self' data:",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    });
  });

  it('never allows inline or evaluated scripts', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY]) {
      expect(policy).not.toMatch(/unsafe-eval/);
      expect(directives(policy).get('script-src')).toBe("'self'");
    }
  });

  it('says the same in the meta tag, less what a meta tag cannot carry', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(directives(META_CONTENT_SECURITY_POLICY)).toEqual(header);
  });
});
