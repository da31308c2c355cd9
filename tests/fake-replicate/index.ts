export { FAKE_REPLICATE_TOKEN } from './accounts';
export { type FakeReplicate, startFakeReplicate } from './server';
export { TRAINER_MODEL } from './trainer-schema';
