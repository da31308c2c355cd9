export { describeImage } from './captions';
export type { Fault, FaultRequest } from './faults';
export {
  FAKE_API_KEY,
  type FakeGemini,
  type FakeGeminiOptions,
  type RequestLog,
  startFakeGemini,
} from './server';
