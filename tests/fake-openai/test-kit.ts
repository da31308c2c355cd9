import OpenAI, { APIError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import sharp from 'sharp';
import { sha256 } from '../support/hash';
import type { FakeOpenAi } from './options';

/** Helpers for tests that drive the fake with the real `openai` client. */

/** A solid-colour JPEG of the given size, as the data URL the app sends. */
export async function jpegDataUrl(width: number, height: number, background = '#884422'): Promise<string> {
  const jpeg = await sharp({ create: { width, height, channels: 3, background } })
    .jpeg()
    .toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}

/** sha256 of the bytes inside a data URL: the key the fake describes the image by. */
export const dataUrlSha256 = (url: string): string => sha256(Buffer.from(url.split(',')[1] ?? '', 'base64'));

/** The real client, without its own retries unless asked, so each call is one request. */
export function clientFor(fake: FakeOpenAi | string, options: { apiKey?: string; maxRetries?: number } = {}) {
  return new OpenAI({
    baseURL: typeof fake === 'string' ? fake : fake.url,
    apiKey: options.apiKey ?? 'sk-local-anything',
    maxRetries: options.maxRetries ?? 0,
  });
}

/** A caption request as the app sends it: the text part first, then the image. */
export function captionRequest(
  model: string,
  imageUrl: string,
  extra: Partial<ChatCompletionCreateParamsNonStreaming> = {},
): ChatCompletionCreateParamsNonStreaming {
  return {
    model,
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Describe this photo in one line, starting with "photo of my_cat".' },
          { type: 'image_url', image_url: { url: imageUrl } },
        ],
      },
    ],
    max_tokens: 300,
    temperature: 0.2,
    ...extra,
  };
}

/** The APIError a call fails with (anything else, or success, fails the test). */
export async function failure(call: Promise<unknown>): Promise<APIError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof APIError) return err;
    throw err;
  }
  throw new Error('expected the request to fail');
}

/** A message field the openai types do not declare (reasoning, reasoning_content). */
export const extraField = (message: object, field: string): unknown => (message as Record<string, unknown>)[field];

/** A promise that stays pending until `open()`: holds the fake's answers while a test looks at the server. */
export function latch(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
