import type { FlavourName } from '../options';
import { llamacpp } from './llamacpp';
import { lmstudio } from './lmstudio';
import { ollama } from './ollama';
import { openai } from './openai';
import { openrouter } from './openrouter';
import type { Flavour } from './types';
import { vllm } from './vllm';

/** Every imitated server, by name. */
export const FLAVOURS: Readonly<Record<FlavourName, Flavour>> = {
  ollama,
  lmstudio,
  llamacpp,
  vllm,
  openrouter,
  openai,
};

export { reasoningParameterError } from './openai';
export type { Flavour, HttpReply, ImageProblem, PartPosition, ServedModel } from './types';
