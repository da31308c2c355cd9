import { ApiError, GoogleGenAI } from '@google/genai';
import sharp from 'sharp';
import { expect } from 'vitest';
import { FAKE_API_KEY, type FakeGemini } from '../fake-gemini';

/** The real @google/genai client pointed at a fake, and the small helpers the fake's protocol tests share. */

export const sdkClient = (fake: FakeGemini, apiKey = FAKE_API_KEY) =>
  new GoogleGenAI({ apiKey, httpOptions: { baseUrl: fake.url, apiVersion: 'v1beta' } });

/** A small distinct JPEG per colour, so each has its own sha256 and its own caption. */
export const jpeg = (background: string, width = 64): Promise<Buffer> =>
  sharp({ create: { width, height: 48, channels: 3, background } })
    .jpeg()
    .toBuffer();

/** A Blob of bytes for `files.upload` (copied: a Buffer may sit on a shared pool the Blob type refuses). */
export const blobOf = (bytes: Buffer, type = 'image/jpeg') => new Blob([new Uint8Array(bytes)], { type });

export const inlineImage = (bytes: Buffer) => ({
  inlineData: { mimeType: 'image/jpeg', data: bytes.toString('base64') },
});

/** The contents of a caption request for one image part (inline or a Files API reference). */
export const captionContents = (imagePart: object) => [
  { role: 'user', parts: [imagePart, { text: 'photo of my_cat' }] },
];

export const CAPTION_CONFIG = { maxOutputTokens: 400, thinkingConfig: { thinkingBudget: 0 } };

/** The text of a response read the way an app must read a batch's (it is a plain object, without `.text`). */
export function responseText(response: { candidates?: Array<{ content?: { parts?: Array<{ text?: string }> } }> }) {
  return response.candidates?.[0]?.content?.parts?.map((p) => p.text ?? '').join('');
}

export async function apiError(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}
