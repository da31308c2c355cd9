export { describeImage } from './captions';
export { type Fault, type FaultRequest, randomTransientFaults, seededRandom } from './faults';
export {
  FAKE_API_KEY,
  FAKE_MODELS,
  type FakeGemini,
  type FakeGeminiOptions,
  type Outcome,
  type RequestLog,
  startFakeGemini,
} from './server';
