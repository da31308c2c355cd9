import { afterEach, vi } from 'vitest';

/**
 * jsdom lays nothing out: every element is 0 × 0, so a virtualised list (which renders the rows its scroll box
 * has room for) renders none. This gives the scroll boxes matching `selector` the size they have in the app, for
 * the rest of the test; rows keep measuring 0 high, which only means all of them fit.
 */
export function sizeScrollBoxes(selector: string, width: number, height: number): void {
  const client = (axis: 'clientWidth' | 'clientHeight', size: number) => {
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, axis)?.get;
    vi.spyOn(HTMLElement.prototype, axis, 'get').mockImplementation(function (this: HTMLElement) {
      return this.matches(selector) ? size : (original?.call(this) ?? 0);
    });
  };
  client('clientWidth', width);
  client('clientHeight', height);
}

afterEach(() => {
  vi.restoreAllMocks();
});
