import type { Logger } from '../../../src/core/ports';
import { type Spy, spy } from './electron-mock';

/** A logger whose calls tests can inspect, and that prints nothing. */
export function silentLog(): Logger & { [K in keyof Logger]: Spy } {
  return { info: spy(), warn: spy(), error: spy() };
}
