import { vi } from 'vitest';

/**
 * The one place `electron` is mocked (a vitest setup file, so it applies to every test file): the Electron binary
 * cannot run here, and nothing outside `src/main` and `src/preload` may import it anyway. Tests that drive the
 * wiring import the fakes from `./electron-mock` (the same module instance the mock serves). electron-store imports
 * `electron` at the top, so it is replaced too.
 */
vi.mock('electron', () => import('./electron-mock'));
vi.mock('electron-store', () => import('./electron-store-mock'));
