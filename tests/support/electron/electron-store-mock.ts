/**
 * electron-store is loaded from node_modules, outside vitest's module graph, so it would require the real
 * `electron` even with `electron` mocked. The vitest setup file (`setup.ts`) mocks electron-store with this module:
 * a Map-backed store that records the options it was opened with.
 */
export const openedWith: Array<Record<string, unknown>> = [];

export default class FakeElectronStore {
  private readonly data = new Map<string, unknown>();
  constructor(options: Record<string, unknown>) {
    openedWith.push(options);
    for (const [key, value] of Object.entries((options.defaults as object) ?? {})) this.data.set(key, value);
  }
  get(key: string): unknown {
    return this.data.get(key);
  }
  set(key: string, value: unknown): void {
    this.data.set(key, value);
  }
}
