/** The captioning core: Gemini client, error classification, retry policy and the run engine. */

export { captionOne } from './caption-one';
export { type CaptionRun, type RunOptions, type RunSummary, startCaptionRun } from './caption-run';
export { classifyError } from './classify';
export { createGeminiClient } from './client';
export { downscaleForGemini } from './downscale';
export { checkApiKey } from './key-check';
export type { RunProgress } from './progress';
export { DEFAULT_PROMPT, renderPrompt } from './prompt';
export type {
  CaptionJob,
  CaptionOutcome,
} from './run-context';
export { stoppedRunSummary } from './stopped-summary';
