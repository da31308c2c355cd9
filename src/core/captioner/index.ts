/** The captioning core: the providers (Gemini, OpenAI-compatible servers), their error classification, and the run engine. */

export { type CaptionRun, type RunOptions, type RunSummary, startCaptionRun } from './caption-run';
export { type BatchJobView, createGeminiBatchClient, type GeminiBatchClient } from './gemini/batch-client';
export { type BatchResultLine, batchLineOutcome, inlineBatchRequest, jsonlBatchLine } from './gemini/batch-lines';
export { inlineImagePart } from './gemini/caption';
export { classifyGeminiError } from './gemini/classify';
export { createGeminiClient } from './gemini/client';
export { listGeminiModels } from './gemini/models';
export { createGeminiProvider } from './gemini/provider';
export { createOpenAiClient } from './openai/client';
export { listServerModels } from './openai/models';
export { createOpenAiProvider } from './openai/provider';
export { type PreparedImage, prepareImage } from './prepare-image';
export type { RunProgress } from './progress';
export { DEFAULT_PROMPT, renderPrompt } from './prompt';
export type { CaptionProvider } from './provider';
export type {
  CaptionJob,
  CaptionOutcome,
} from './run-context';
export { stoppedRunSummary } from './stopped-summary';
