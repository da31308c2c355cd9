export { imageTokens } from './image';
export type {
  FakeModel,
  FakeOpenAi,
  FakeOpenAiOptions,
  Fault,
  FlavourName,
} from './options';
export { closedPortUrl } from './ports';
export { startFakeOpenAi } from './server';
