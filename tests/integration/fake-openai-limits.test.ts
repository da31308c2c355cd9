import { BadRequestError, InternalServerError, NotFoundError } from 'openai';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeModel,
  type FakeOpenAi,
  type FakeOpenAiOptions,
  type FlavourName,
  imageTokens,
  startFakeOpenAi,
} from '../fake-openai';
import { captionRequest, clientFor, failure, jpegDataUrl } from '../fake-openai/test-kit';

/** Vision, context windows, images and model names: each server's own status, error class and text. */

let fake: FakeOpenAi;
let photo: string;
let otherPhoto: string;
let bigPhoto: string;

beforeAll(async () => {
  photo = await jpegDataUrl(64, 48);
  otherPhoto = await jpegDataUrl(80, 60, '#224488');
  bigPhoto = await jpegDataUrl(2400, 1800);
});
afterEach(() => fake?.close());

const start = async (options: FakeOpenAiOptions) => {
  await fake?.close();
  fake = await startFakeOpenAi(options);
  return clientFor(fake);
};

const ask = async (flavour: FlavourName, model: FakeModel, image: string, maxTokens = 300) => {
  const client = await start({ flavour, models: [model] });
  return client.chat.completions.create(captionRequest(model.id, image, { max_tokens: maxTokens }));
};

describe('models without vision', () => {
  const mmproj = 'image input is not supported - hint: if this is unexpected, you may need to provide the mmproj';
  it.each([
    ['llamacpp', InternalServerError, 500, `500 ${mmproj}`],
    ['ollama', InternalServerError, 500, `500 {"error":{"code":500,"message":"${mmproj}","type":"server_error"}}`],
    ['vllm', BadRequestError, 400, '400 text-only is not a multimodal model None'],
    ['lmstudio', BadRequestError, 400, '400 "Model does not support images. Please use a model that does."'],
    ['openrouter', NotFoundError, 404, '404 No endpoints found that support image input'],
    ['openai', BadRequestError, 400, '400 Invalid content type. image_url is only supported by certain models.'],
  ] as const)('%s refuses the image part with its own error', async (flavour, errorClass, status, message) => {
    const err = await failure(ask(flavour, { id: 'text-only', vision: 'error' }, photo));
    expect(err).toBeInstanceOf(errorClass);
    expect(err.status).toBe(status);
    expect(err.message).toBe(message);
    expect(fake.requests[0]).toMatchObject({ outcome: 'no-vision', imagePartPresent: true });
    if (flavour === 'openai') expect(err.param).toBe('messages.[0].content.[1].type');
  });

  it('or ignores the image: says it sees none, or invents the same description for every photo', async () => {
    // The image is dropped unseen, so even a photo far bigger than the context window costs nothing.
    const apology = await ask('ollama', { id: 'llama3.2:3b', vision: 'blind-apology' }, bigPhoto);
    expect(apology.choices[0]?.message.content).toMatch(/^I'm sorry, but I can't see any image/u);
    expect(apology.usage?.prompt_tokens).toBeLessThan(100);
    expect(fake.requests[0]).toMatchObject({ outcome: 'blind', image: { width: 2400 } });

    const client = await start({ models: [{ id: 'llama3.2:3b', vision: 'blind-generic' }] });
    const answers = await Promise.all(
      [photo, otherPhoto].map(async (url) => {
        const r = await client.chat.completions.create(captionRequest('llama3.2:3b', url));
        return r.choices[0]?.message.content;
      }),
    );
    expect(answers[0]).toBe('A photo of a person standing in a softly lit room, looking towards the camera.');
    expect(answers[1]).toBe(answers[0]);
  });
});

describe('small context windows', () => {
  const small = (id: string): FakeModel => ({ id, contextTokens: 4096 });
  const bigTokens = imageTokens(2400, 1800);

  it('llama.cpp refuses a prompt that reaches n_ctx with exceed_context_size_error', async () => {
    const err = await failure(ask('llamacpp', small('qwen'), bigPhoto));
    const prompt = fake.requests[0]?.promptTokens ?? 0;
    expect(prompt).toBeGreaterThan(bigTokens);
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toBe(
      `400 request (${prompt} tokens) exceeds the available context size (4096 tokens), try increasing it`,
    );
    expect(err.error).toMatchObject({ type: 'exceed_context_size_error', n_prompt_tokens: prompt, n_ctx: 4096 });
    expect(fake.requests[0]).toMatchObject({ outcome: 'context-overflow', image: { tokens: bigTokens } });
  });

  it('Ollama passes llama-server body through as its message text', async () => {
    const err = await failure(ask('ollama', small('qwen2.5vl:7b'), bigPhoto));
    const prompt = fake.requests[0]?.promptTokens ?? 0;
    expect(err).toMatchObject({ status: 400, type: 'invalid_request_error', code: null });
    expect(JSON.parse(err.message.slice(4))).toEqual({
      error: {
        code: 400,
        message: `request (${prompt} tokens) exceeds the available context size (4096 tokens), try increasing it`,
        type: 'exceed_context_size_error',
        n_prompt_tokens: prompt,
        n_ctx: 4096,
      },
    });
  });

  it('vLLM counts max_tokens too and names input_tokens', async () => {
    const err = await failure(ask('vllm', small('Qwen/Qwen2.5-VL-7B-Instruct'), bigPhoto));
    const prompt = fake.requests[0]?.promptTokens ?? 0;
    expect(err).toMatchObject({ status: 400, type: 'BadRequestError', param: 'input_tokens', code: 400 });
    expect(err.message).toBe(
      `400 This model's maximum context length is 4096 tokens. However, you requested 300 output tokens and your prompt contains at least ${prompt} input tokens, for a total of at least ${prompt + 300} tokens. Please reduce the length of the input prompt or the number of requested output tokens. (parameter=input_tokens, value=${prompt})`,
    );
    // A 1600x1600 photo fits alone, so llama.cpp takes it, but not with 1000 output tokens on vLLM.
    const mid = await jpegDataUrl(1600, 1600);
    expect((await ask('llamacpp', small('qwen'), mid, 1000)).choices[0]?.finish_reason).toBe('stop');
    await expect(ask('vllm', small('qwen'), mid, 1000)).rejects.toBeInstanceOf(BadRequestError);
    expect((await ask('vllm', small('qwen'), mid, 300)).choices[0]?.finish_reason).toBe('stop');
  });

  it.each([
    ['lmstudio', /^400 "<LM Studio error> Trying to keep the first \d+ tokens when context the overflows\./u],
    [
      'openrouter',
      /^400 This endpoint's maximum context length is 4096 tokens\. However, you requested about \d+ tokens \(\d+ of text input, 5592 of image input, 300 in the output\)/u,
    ],
    [
      'openai',
      /^400 This model's maximum context length is 4096 tokens\. However, you requested \d+ tokens \(\d+ in the messages, 300 in the completion\)/u,
    ],
  ] as const)('%s answers the overflow in its own words', async (flavour, message) => {
    const err = await failure(ask(flavour, small('m'), bigPhoto));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toMatch(message);
    if (flavour === 'openai') expect(err).toMatchObject({ code: 'context_length_exceeded', param: 'messages' });
  });

  it('takes the same model a small photo', async () => {
    const r = await ask('llamacpp', small('qwen'), photo);
    expect(r.usage?.prompt_tokens).toBe(fake.requests[0]?.promptTokens);
    expect(fake.requests[0]?.outcome).toBe('ok');
  });
});

describe('image parts', () => {
  it('Ollama takes only base64 data URLs of jpeg, png or webp', async () => {
    const client = await start({});
    const remote = await failure(client.chat.completions.create(captionRequest('qwen2.5vl:7b', 'https://x/a.jpg')));
    expect(remote.message).toBe('400 image URLs are not currently supported, please use base64 encoded data instead');
    const gif = await failure(
      client.chat.completions.create(captionRequest('qwen2.5vl:7b', 'data:image/gif;base64,R0lG')),
    );
    expect(gif.message).toBe('400 invalid image input');
    const junk = `data:image/jpeg;base64,${Buffer.from('not an image').toString('base64')}`;
    const undecodable = await failure(client.chat.completions.create(captionRequest('qwen2.5vl:7b', junk)));
    expect(undecodable).toMatchObject({ status: 400, type: 'invalid_request_error' });
    expect(undecodable.message).toContain('Failed to load image or audio file');
    expect(fake.requests.map((r) => r.outcome)).toEqual(['bad-image', 'bad-image', 'bad-image']);
  });

  it('vLLM cannot identify bytes that are not an image', async () => {
    const junk = `data:image/png;base64,${Buffer.from('still not an image').toString('base64')}`;
    const err = await failure(ask('vllm', { id: 'qwen' }, junk));
    expect(err).toMatchObject({ status: 400, type: 'BadRequestError' });
    expect(err.message).toMatch(/^400 cannot identify image file/u);
  });
});

describe('model names', () => {
  const ask2 = async (flavour: FlavourName, served: string[], requested: string) => {
    const client = await start({ flavour, models: served });
    return client.chat.completions.create(captionRequest(requested, photo));
  };

  it.each([
    ['ollama', NotFoundError, "404 model 'llava:7b' not found"],
    ['vllm', NotFoundError, '404 The model `llava:7b` does not exist.'],
    ['openrouter', BadRequestError, '400 llava:7b is not a valid model ID'],
    ['openai', NotFoundError, '404 The model `llava:7b` does not exist or you do not have access to it.'],
  ] as const)('%s refuses an unknown model', async (flavour, errorClass, message) => {
    const err = await failure(ask2(flavour, ['served-model'], 'llava:7b'));
    expect(err).toBeInstanceOf(errorClass);
    expect(err.message).toBe(message);
    expect(fake.requests[0]?.outcome).toBe('not-found');
  });

  it('llama.cpp and LM Studio with one loaded model answer with it whatever the name', async () => {
    expect((await ask2('llamacpp', ['qwen.gguf'], 'gpt-4o')).model).toBe('qwen.gguf');
    expect((await ask2('lmstudio', ['gemma-3-4b'], 'any-model-name')).model).toBe('gemma-3-4b');
  });

  it('LM Studio with several models, or none, refuses the name', async () => {
    const several = await failure(ask2('lmstudio', ['gemma-3-4b', 'qwen2.5-vl-7b'], 'llava'));
    expect(several).toMatchObject({ status: 400, param: 'model', code: 'model_not_found' });
    expect(several.message).toBe(
      '400 Invalid model identifier "llava". Please specify a valid downloaded model (e.g., gemma-3-4b, qwen2.5-vl-7b).',
    );
    const none = await failure(ask2('lmstudio', [], 'llava'));
    expect(none).toBeInstanceOf(NotFoundError);
    expect(none.message).toMatch(/^404 No models loaded\. Please load a model/u);
  });
});
