export { imageTokens } from './image';
export type {
  FakeModel,
  FakeOpenAi,
  FakeOpenAiOptions,
  Fault,
  FaultRequest,
  FlavourName,
  RequestLog,
  ThinkingFormat,
  VisionMode,
} from './options';
export { closedPortUrl } from './ports';
export { startFakeOpenAi } from './server';
