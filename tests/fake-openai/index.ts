export { imageTokens } from './image';
export type {
  FakeModel,
  FakeOpenAi,
  FakeOpenAiOptions,
  Fault,
  FlavourName,
  ThinkingFormat,
} from './options';
export { closedPortUrl } from './ports';
export { startFakeOpenAi } from './server';
