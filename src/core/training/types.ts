import type Replicate from 'replicate';
import type { DatasetStore } from '../datasets';
import type { Clock, Keychain } from '../ports';
import { createReplicate } from './client';
import { requireToken } from './token';

/** What training needs from outside: the datasets, the keychain (the token), the environment and a clock. */
export interface TrainingDeps {
  store: DatasetStore;
  keychain: Keychain;
  /** REPLICATE_API_TOKEN (wins over the keychain) and REPLICATE_BASE_URL. */
  env: NodeJS.ProcessEnv;
  clock: Clock;
}

/** A client with the token the user gave (or an `invalid-key` error that asks for one). */
export async function clientFor(deps: TrainingDeps): Promise<Replicate> {
  return createReplicate(await requireToken(deps.keychain, deps.env), deps.env);
}
