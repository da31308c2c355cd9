import type { OpenAI } from 'openai';
import { serverName } from '../../../shared/servers';
import type { CaptionProvider } from '../provider';
import { createBlindWatch } from './blind-watch';
import { captionWithOpenAi, type RequestStyle } from './caption';
import { classifyOpenAiError } from './classify';
import { createOpenAiClient } from './client';
import { checkServerModel } from './models';

export interface OpenAiProviderOptions {
  baseUrl: string;
  /** Null for servers that need none (Ollama, LM Studio, llama.cpp, vLLM by default). */
  apiKey: string | null;
}

/** Any server speaking OpenAI's chat-completions protocol (local or remote), through the official client. */
export function createOpenAiProvider(opts: OpenAiProviderOptions): CaptionProvider {
  const server = serverName(opts.baseUrl);
  let client: OpenAI | null = null;
  const sdk = () => {
    client ??= createOpenAiClient(opts.baseUrl, opts.apiKey);
    return client;
  };
  const style: RequestStyle = { reasoningParameters: false };
  const watch = createBlindWatch();
  return {
    name: 'openai',
    label: server,
    check: (model, signal) => checkServerModel(sdk(), server, model, signal),
    async caption(req, schedule) {
      const result = await captionWithOpenAi(sdk(), req, schedule, server, style);
      if (result.kind === 'captioned') watch(req.model, result.caption, req.image.data);
      return result;
    },
    classify: (err) => classifyOpenAiError(err, server),
  };
}
