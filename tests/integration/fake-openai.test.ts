import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { normaliseCaption } from '../../src/shared/normalise';
import { describeImage } from '../fake-gemini';
import {
  type FakeOpenAi,
  type FakeOpenAiOptions,
  imageTokens,
  startFakeOpenAi,
  type ThinkingFormat,
} from '../fake-openai';
import { captionRequest, clientFor, dataUrlSha256, extraField, failure, jpegDataUrl } from '../fake-openai/test-kit';

/** The fake must answer the real `openai` client the way the real servers do, or the provider's tests prove nothing. */

let fake: FakeOpenAi;
let photo: string;
let otherPhoto: string;

beforeAll(async () => {
  photo = await jpegDataUrl(64, 48);
  otherPhoto = await jpegDataUrl(80, 60, '#224488');
});
afterEach(() => fake?.close());

/** Starts a fake (closing the test's previous one) and returns a client for it. */
const start = async (options: FakeOpenAiOptions) => {
  await fake?.close();
  fake = await startFakeOpenAi(options);
  return clientFor(fake);
};

describe('fake OpenAI-compatible server: answers', () => {
  it('answers a caption request with the fake Gemini description, usage and finish_reason', async () => {
    const client = await start({ noise: false });
    const r = await client.chat.completions.create(captionRequest('qwen2.5vl:7b', photo));
    expect(r.object).toBe('chat.completion');
    expect(r.id).toMatch(/^chatcmpl-\d+$/u);
    expect(r.model).toBe('qwen2.5vl:7b');
    expect(r.choices[0]?.message.content).toBe(describeImage(dataUrlSha256(photo)));
    expect(r.choices[0]?.finish_reason).toBe('stop');
    expect(r.system_fingerprint).toBe('fp_ollama');
    const image = imageTokens(64, 48);
    expect(r.usage?.prompt_tokens).toBeGreaterThan(image);
    expect(r.usage?.total_tokens).toBe((r.usage?.prompt_tokens ?? 0) + (r.usage?.completion_tokens ?? 0));
    expect(fake.requests).toEqual([
      expect.objectContaining({
        kind: 'chat',
        model: 'qwen2.5vl:7b',
        status: 200,
        outcome: 'ok',
        imagePartPresent: true,
        image: expect.objectContaining({ sha256: dataUrlSha256(photo), width: 64, height: 48, tokens: image }),
        attempt: 1,
        maxTokens: 300,
        maxCompletionTokens: null,
        temperature: 0.2,
        authorization: 'bearer',
        retryCount: 0,
      }),
    ]);
  });

  it('wraps captions in noise that normaliseCaption cleans to the description, one per image', async () => {
    const client = await start({});
    for (const url of [photo, otherPhoto]) {
      const r = await client.chat.completions.create(captionRequest('qwen2.5vl:7b', url));
      const text = r.choices[0]?.message.content ?? '';
      expect(normaliseCaption(text, 'my_cat')).toBe(`photo of my_cat ${describeImage(dataUrlSha256(url))}`);
    }
  });

  it('lists models in each server shape', async () => {
    const ollama = await start({ models: ['qwen2.5vl:7b', 'huihui_ai/qwen3-vl-abliterated:8b'] });
    expect((await ollama.models.list()).data).toEqual([
      expect.objectContaining({ id: 'qwen2.5vl:7b', object: 'model', owned_by: 'library' }),
      expect.objectContaining({ id: 'huihui_ai/qwen3-vl-abliterated:8b', owned_by: 'huihui_ai' }),
    ]);
    fake.setBehaviour({ models: [] });
    const empty = await ollama.models.list();
    expect(empty.data).toEqual([]);
    expect(fake.requests.at(-1)?.status).toBe(200);

    const router = await start({
      flavour: 'openrouter',
      models: ['qwen/qwen2.5-vl-72b-instruct', { id: 'deepseek/deepseek-r1', vision: 'error' }],
    });
    const listed = (await router.models.list()).data.map((m) => [m.id, extraField(m, 'architecture')]);
    expect(listed).toEqual([
      ['qwen/qwen2.5-vl-72b-instruct', expect.objectContaining({ input_modalities: ['text', 'image'] })],
      ['deepseek/deepseek-r1', expect.objectContaining({ input_modalities: ['text'] })],
    ]);

    const vllm = await start({ flavour: 'vllm', models: [{ id: 'Qwen/Qwen2.5-VL-7B-Instruct', contextTokens: 8192 }] });
    const [card] = (await vllm.models.list()).data;
    expect(card).toMatchObject({ owned_by: 'vllm', root: 'Qwen/Qwen2.5-VL-7B-Instruct', max_model_len: 8192 });
    expect(await vllm.models.retrieve('Qwen/Qwen2.5-VL-7B-Instruct')).toMatchObject({ max_model_len: 8192 });
  });

  it('reads max_completion_tokens except on Ollama, which honours only max_tokens', async () => {
    const ollama = await start({ noise: false });
    const capped = captionRequest('qwen2.5vl:7b', photo, { max_tokens: undefined, max_completion_tokens: 3 });
    expect((await ollama.chat.completions.create(capped)).choices[0]?.finish_reason).toBe('stop');
    const vllm = await start({ flavour: 'vllm', noise: false });
    const cut = await vllm.chat.completions.create({ ...capped, model: 'Qwen/Qwen2.5-VL-7B-Instruct' });
    expect(cut.choices[0]?.finish_reason).toBe('length');
    expect(cut.choices[0]?.message.content).toHaveLength(12);
    expect(fake.requests.at(-1)).toMatchObject({ outcome: 'length', maxCompletionTokens: 3, maxTokens: null });
  });

  it('refuses per model or per request with a plain answer, not an error', async () => {
    const client = await start({
      models: ['qwen2.5vl:7b', { id: 'gemma3:4b', refuses: true }],
      fault: (req) => (req.index === 1 ? 'refusal' : undefined),
    });
    const refusals = [
      "I'm sorry, but I can't help with that.",
      'I cannot describe this image.',
      "I'm sorry, I can't assist with that request.",
    ];
    const byModel = await client.chat.completions.create(captionRequest('gemma3:4b', photo));
    const byFault = await client.chat.completions.create(captionRequest('qwen2.5vl:7b', otherPhoto));
    for (const r of [byModel, byFault]) {
      expect(refusals).toContain(r.choices[0]?.message.content);
      expect(r.choices[0]?.finish_reason).toBe('stop');
    }
    expect(fake.requests.map((r) => r.outcome)).toEqual(['refusal', 'refusal']);
  });
});

describe('fake OpenAI-compatible server: reasoning models', () => {
  const thinker = (format: ThinkingFormat, tokens = 200) => ({
    id: 'qwen3-vl:8b',
    thinking: { tokens, format },
  });

  it('wraps thoughts in <think>...</think> before the answer', async () => {
    const client = await start({ models: [thinker('think-tags')], noise: false });
    const r = await client.chat.completions.create(captionRequest('qwen3-vl:8b', photo, { max_tokens: 400 }));
    const content = r.choices[0]?.message.content ?? '';
    expect(content).toMatch(/^<think>\nOkay, the user wants a caption[\s\S]+\n<\/think>\n\n/u);
    expect(content.split('</think>\n\n')[1]).toBe(describeImage(dataUrlSha256(photo)));
    expect(r.choices[0]?.finish_reason).toBe('stop');
    expect(r.usage?.completion_tokens).toBeGreaterThan(200);
  });

  it('sends only the closing tag when the chat template opened the thoughts', async () => {
    const client = await start({ models: [thinker('close-tag-only')], noise: false });
    const r = await client.chat.completions.create(captionRequest('qwen3-vl:8b', photo, { max_tokens: 400 }));
    const content = r.choices[0]?.message.content ?? '';
    expect(content).not.toContain('<think>');
    expect(content).toMatch(/^Okay, [\s\S]+\n<\/think>\n\na /u);
  });

  it('is cut off while thinking when max_tokens runs out: finish_reason "length", no answer', async () => {
    const client = await start({ models: [thinker('think-tags', 500)] });
    const r = await client.chat.completions.create(captionRequest('qwen3-vl:8b', photo, { max_tokens: 100 }));
    expect(r.choices[0]?.finish_reason).toBe('length');
    expect(r.choices[0]?.message.content).toMatch(/^<think>\n/u);
    expect(r.choices[0]?.message.content).not.toContain('</think>');
    expect(r.usage?.completion_tokens).toBe(100);
    expect(fake.requests[0]?.outcome).toBe('length');
  });

  it('returns thoughts in the server own field: reasoning (Ollama), reasoning_content (llama.cpp), none (OpenAI)', async () => {
    const ollama = await start({ models: [thinker('separate-field')], noise: false });
    const a = (await ollama.chat.completions.create(captionRequest('qwen3-vl:8b', photo))).choices[0]?.message;
    expect(a?.content).toBe(describeImage(dataUrlSha256(photo)));
    expect(extraField(a ?? {}, 'reasoning')).toMatch(/^Okay, the user wants a caption/u);

    const llama = await start({ flavour: 'llamacpp', models: [thinker('separate-field', 500)] });
    const cut = (await llama.chat.completions.create(captionRequest('any', photo, { max_tokens: 100 }))).choices[0];
    expect(cut?.message.content).toBe('');
    expect(cut?.finish_reason).toBe('length');
    expect(extraField(cut?.message ?? {}, 'reasoning_content')).toHaveLength(400);

    const openai = await start({ flavour: 'openai', models: [{ ...thinker('separate-field'), id: 'o4-mini' }] });
    const o = await openai.chat.completions.create(captionRequest('o4-mini', photo, { max_tokens: undefined }));
    expect(Object.keys(o.choices[0]?.message ?? {})).not.toContain('reasoning');
    expect(o.usage?.completion_tokens_details?.reasoning_tokens).toBe(200);
  });

  it('applies OpenAI reasoning-model parameter rules', async () => {
    const client = await start({ flavour: 'openai', models: [{ id: 'o4-mini', reasoningParameters: true }] });
    const maxTokens = await failure(client.chat.completions.create(captionRequest('o4-mini', photo)));
    expect(maxTokens).toMatchObject({ status: 400, param: 'max_tokens', code: 'unsupported_parameter' });
    expect(maxTokens.message).toBe(
      "400 Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    );
    const fixed = { max_tokens: undefined, max_completion_tokens: 300 };
    const temperature = await failure(client.chat.completions.create(captionRequest('o4-mini', photo, fixed)));
    expect(temperature).toMatchObject({ param: 'temperature', code: 'unsupported_value' });
    const ok = await client.chat.completions.create(captionRequest('o4-mini', photo, { ...fixed, temperature: 1 }));
    expect(ok.choices[0]?.finish_reason).toBe('stop');
    const misconfigured = startFakeOpenAi({ flavour: 'vllm', models: [{ id: 'x', reasoningParameters: true }] });
    await expect(misconfigured).rejects.toThrow(/reasoningParameters is OpenAI's rule/u);
  });
});
