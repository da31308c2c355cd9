export { describeImage } from './captions';
export type { Fault, FaultRequest } from './faults';
export type { RequestLog } from './log';
export type { FakeGeminiOptions } from './options';
export { FAKE_API_KEY, type FakeGemini, startFakeGemini } from './server';
