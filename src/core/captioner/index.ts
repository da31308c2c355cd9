/** The captioning core: Gemini client, error classification, retry policy and the run engine. */
export { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff';
export {
  blockMessage,
  type CaptionRequest,
  type CaptionResult,
  captionOne,
  type Schedule,
  TEMPERATURE,
} from './caption-one';
export { type CaptionRun, type RunOptions, type RunSummary, startCaptionRun } from './caption-run';
export {
  classifyError,
  type FailureKind,
  type GeminiFailure,
  isTransient,
  parseDuration,
  parseErrorBody,
} from './classify';
export { createGeminiClient, REQUEST_TIMEOUT_MS } from './client';
export { downscaleForGemini, type PreparedImage } from './downscale';
export { checkApiKey, type KeyCheckOptions, modelNotFoundMessage } from './key-check';
export type { ImageRunState, RunProgress } from './progress';
export { DEFAULT_PROMPT, renderPrompt } from './prompt';
export {
  type CaptionJob,
  type CaptionOutcome,
  DEFAULT_RETRY,
  type RetryPolicy,
  type RunStatus,
} from './run-context';
