/**
 * The one Content-Security-Policy of the UI, wherever it is served from: Electron's `caption-studio://` protocol
 * sends it as a header, the browser preview sends the same header, and the build writes it into index.html's meta
 * tag (electron.vite.config.ts). src/shared/csp.test.ts checks that all three say the same thing.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  // Media come from the same scheme on another host in the app (`caption-studio://media/...`); same origin in
  // the preview.
  ['img-src', "'self' data: blob: caption-studio:"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['script-src', "'self'"],
  ['connect-src', "'self'"],
  ['font-src', "'self' data:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

/** Directives a browser ignores (with a console warning) when they arrive in a meta tag instead of a header. */
export const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export const policyOf = (list: ReadonlyArray<readonly [string, string]>): string =>
  list.map(([n, v]) => `${n} ${v}`).join('; ');

export const CONTENT_SECURITY_POLICY = policyOf(CSP_DIRECTIVES);

/** The same policy for index.html's meta tag: the header-only directives left out (the header carries them). */
export const META_CONTENT_SECURITY_POLICY = policyOf(CSP_DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));
