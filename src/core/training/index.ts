/**
 * Training a FLUX LoRA on Replicate from a dataset, through the official `replicate` client: the token, the plan
 * the dialog shows, the start (export, upload, create, never twice), following it, cancelling it.
 */
export { cancelTraining } from './cancel';
export { checkTraining } from './check';
export { followTraining } from './follow';
export { planTraining } from './plan';
export { latestTraining } from './record';
export { startTraining } from './start';
export { accountOf, REPLICATE_TOKEN_ACCOUNT, replicateToken } from './token';
export type { TrainingDeps } from './types';
