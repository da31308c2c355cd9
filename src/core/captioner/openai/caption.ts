import { BadRequestError, type OpenAI } from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { modelInfo } from '../../../shared/models';
import { normaliseCaption } from '../../../shared/normalise';
import { captionFromCutOff } from '../cut-off';
import type { PreparedImage } from '../prepare-image';
import type { CaptionRequest, CaptionResult, Schedule, Tokens } from '../provider';
import { ignoredTheImage, isContextTooSmall, isRefusal, stripThinking } from './answer';
import { ContextTooSmallError, NoVisionError } from './classify';

/** Sampling: the same as for Gemini, low enough for factual, repeatable descriptions. */
const TEMPERATURE = 0.4;

function tokensOf(r: ChatCompletion): Tokens {
  return { inputTokens: r.usage?.prompt_tokens ?? 0, outputTokens: r.usage?.completion_tokens ?? 0 };
}

/**
 * How this server wants sampling asked for. Every local server reads `max_tokens` (Ollama ignores
 * `max_completion_tokens`), but OpenAI's reasoning models refuse it and any temperature but the default: after
 * the first such refusal the provider asks the OpenAI way.
 */
export interface RequestStyle {
  reasoningParameters: boolean;
}

/** One chat-completions request: the instruction first, then the image as a data URL (what every server takes). */
function ask(
  client: OpenAI,
  req: CaptionRequest,
  image: PreparedImage,
  maxTokens: number,
  style: RequestStyle,
): Promise<ChatCompletion> {
  const url = `data:${image.mimeType};base64,${image.data.toString('base64')}`;
  const sampling = style.reasoningParameters
    ? { max_completion_tokens: maxTokens }
    : { temperature: TEMPERATURE, max_tokens: maxTokens };
  return client.chat.completions.create(
    {
      model: req.model,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: req.prompt },
            { type: 'image_url', image_url: { url } },
          ],
        },
      ],
      ...sampling,
    },
    req.signal ? { signal: req.signal } : {},
  );
}

type Interpreted = { kind: 'truncated'; text: string } | CaptionResult;

function interpret(r: ChatCompletion, req: CaptionRequest, spent: Tokens): Interpreted {
  const choice = r.choices[0];
  const message = choice?.message;
  if (message?.refusal) return { kind: 'blocked', reason: `The model refused: ${message.refusal}`, ...spent };
  if (choice?.finish_reason === 'content_filter') {
    return { kind: 'blocked', reason: "Blocked by the server's content filter: needs a caption", ...spent };
  }
  const text = stripThinking(message?.content ?? '');
  // Before the refusal check: "I'm sorry, but I can't see any image" is a blind model, not a refusal.
  if (text !== '' && ignoredTheImage(text)) {
    throw new NoVisionError(
      `The model "${req.model}" answered without seeing the image ("${text.slice(0, 100)}"): it cannot read images. ` +
        'Choose a vision model (for example a Qwen-VL, Gemma 3 or LLaVA model).',
    );
  }
  if (isRefusal(text)) return { kind: 'blocked', reason: `The model refused: ${text.slice(0, 160)}`, ...spent };
  if (choice?.finish_reason === 'length') return { kind: 'truncated', text };
  const caption = text ? normaliseCaption(text, req.trigger) : null;
  if (caption !== null) return { kind: 'captioned', caption, ...spent };
  return { kind: 'empty', reason: `The model's answer had no usable description.`, ...spent };
}

/**
 * Captions one image through an OpenAI-compatible server. An image refused as too big for the model's context
 * (small default windows on local servers) is tried once more at a smaller size; an answer cut off by the token
 * cap (reasoning models think first) is asked again once with twice the cap, and a second cut-off keeps what came.
 */
export async function captionWithOpenAi(
  client: OpenAI,
  req: CaptionRequest,
  schedule: Schedule,
  serverName: string,
  style: RequestStyle = { reasoningParameters: false },
): Promise<CaptionResult> {
  const base = modelInfo(req.model, 'openai').maxOutputTokens;
  const spent: Tokens = { inputTokens: 0, outputTokens: 0 };
  let image = req.image;
  let shrunk = false;
  const send = async (cap: number): Promise<ChatCompletion> => {
    for (;;) {
      const asked = style.reasoningParameters;
      try {
        return await schedule(() => ask(client, req, image, cap, style));
      } catch (err) {
        // Asked the old way (perhaps by another image in flight when the first refusal came back): ask again.
        if (!asked && isReasoningParameterRefusal(err)) {
          style.reasoningParameters = true;
          continue;
        }
        if (!(err instanceof BadRequestError) || !isContextTooSmall(err.message)) throw err;
        if (shrunk) throw tooBig(err.message, serverName);
        shrunk = true;
        image = await req.smaller();
      }
    }
  };
  let lastText = '';
  for (const cap of [base, base * 2]) {
    const response = await send(cap);
    const t = tokensOf(response);
    spent.inputTokens += t.inputTokens;
    spent.outputTokens += t.outputTokens;
    const result = interpret(response, req, spent);
    if (result.kind !== 'truncated') return result;
    lastText = result.text;
  }
  const partial = lastText ? captionFromCutOff(lastText, req.trigger) : null;
  if (partial !== null) return { kind: 'captioned', caption: partial, ...spent };
  return {
    kind: 'empty',
    reason: `The model used its whole output budget (${base * 2} tokens) without writing a caption.`,
    ...spent,
  };
}

/** OpenAI's 400 for `max_tokens` or a temperature on a reasoning model (`unsupported_parameter` / `_value`). */
function isReasoningParameterRefusal(err: unknown): boolean {
  if (!(err instanceof BadRequestError)) return false;
  return (
    (err.code === 'unsupported_parameter' || err.code === 'unsupported_value') &&
    (err.param === 'max_tokens' || err.param === 'temperature')
  );
}

function tooBig(serverMessage: string, serverName: string): ContextTooSmallError {
  return new ContextTooSmallError(
    `The image is too big for the model's context window even at a smaller size (${serverName}: ` +
      `${serverMessage.replace(/^400 /u, '')}). Raise the server's context length (Ollama: OLLAMA_CONTEXT_LENGTH; ` +
      'llama.cpp: --ctx-size; vLLM: --max-model-len), or lower the size sent to the model in Settings.',
  );
}
