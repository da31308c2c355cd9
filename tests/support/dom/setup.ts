import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Setup for the component tests, the files that opt into jsdom with a `// @vitest-environment jsdom` docblock;
 * in the Node-side tests it does nothing. It gives jsdom the `<dialog>` behaviour it lacks, puts the fake
 * backend where the preload's bridge would be (before any renderer module reads it), renders under StrictMode
 * as the app does (main.tsx), and leaves a clean page and clean stores after every test.
 */
if (typeof window !== 'undefined') {
  const { installDialogPolyfill, resetDialogPolyfill } = await import('./dialog-polyfill');
  const { backend } = await import('./fake-backend');
  const { resetStores } = await import('./stores');
  const { cleanup, configure } = await import('@testing-library/react');

  installDialogPolyfill(window);
  window.captionStudio = backend.bridge;
  configure({ reactStrictMode: true });
  // Testing Library drains React's work after each user-event call with a setTimeout(0) that it only advances
  // for fake timers it recognises as Jest's (testing-library/react-testing-library#1197): vitest's use the same
  // clock, so this names them the way it looks for them. Inert while timers are real.
  Object.assign(globalThis, { jest: { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) } });

  beforeEach(() => {
    backend.reset();
    resetDialogPolyfill();
  });

  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    resetStores();
    window.localStorage.clear();
    if (backend.unanswered.length > 0) {
      throw new Error(`The page called ${backend.unanswered.join(', ')}, which the test gave no answer for.`);
    }
  });
}
